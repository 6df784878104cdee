package io.weir.plugins;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ContextClassLoader} sets the plugin's loader for the call and restores the caller's, also on exceptions. */
class ContextClassLoaderTest {
    private final ClassLoader caller = Thread.currentThread().getContextClassLoader();
    private final ClassLoader plugin = new URLClassLoader("plugin:test", new URL[0], getClass().getClassLoader());

    @AfterEach
    void resetTheContextLoader() {
        Thread.currentThread().setContextClassLoader(caller);
    }

    private static ClassLoader context() {
        return Thread.currentThread().getContextClassLoader();
    }

    @Test
    void shouldCallWithThePluginsLoaderAndRestoreTheCallers() {
        assertThat(ContextClassLoader.call(plugin, ContextClassLoaderTest::context)).isSameAs(plugin);
        assertThat(context()).isSameAs(caller);

        ClassLoader[] seen = new ClassLoader[1];
        ContextClassLoader.run(plugin, () -> seen[0] = context());
        assertThat(seen[0]).isSameAs(plugin);
        assertThat(context()).isSameAs(caller);
    }

    @Test
    void shouldRethrowACheckedExceptionUnchangedAndRestoreTheCallersLoader() {
        IOException failure = new IOException("disk gone");

        assertThatThrownBy(() -> ContextClassLoader.call(plugin, () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(context()).isSameAs(caller);

        assertThatThrownBy(() -> ContextClassLoader.run(plugin, () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(context()).isSameAs(caller);
    }

    @Test
    void shouldRestoreTheCallersLoaderAfterAnError() {
        StackOverflowError error = new StackOverflowError("deep");

        assertThatThrownBy(() -> ContextClassLoader.run(plugin, () -> {
            throw error;
        })).isSameAs(error);
        assertThat(context()).isSameAs(caller);
    }

    @Test
    void shouldLeaveTheLoaderSetWhenTheCallerAlreadyRunsWithIt() {
        Thread.currentThread().setContextClassLoader(plugin);

        ClassLoader inner = ContextClassLoader.call(plugin, () -> ContextClassLoader.call(plugin,
                ContextClassLoaderTest::context));

        assertThat(inner).isSameAs(plugin);
        assertThat(context()).isSameAs(plugin);
    }

    @Test
    void shouldRestoreNestedLoadersInOrder() {
        ClassLoader other = new URLClassLoader("plugin:other", new URL[0], getClass().getClassLoader());

        ClassLoader previous = ContextClassLoader.enter(plugin);
        try {
            assertThat(ContextClassLoader.call(other, ContextClassLoaderTest::context)).isSameAs(other);
            assertThat(context()).isSameAs(plugin);
        } finally {
            ContextClassLoader.restore(previous, plugin);
        }

        assertThat(previous).isSameAs(caller);
        assertThat(context()).isSameAs(caller);
    }
}
