package io.weir.plugins;

import io.weir.api.config.Configuration;
import io.weir.api.connector.SequenceSource;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.plugin.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static io.weir.plugins.TestJars.build;
import static io.weir.plugins.TestJars.descriptor;
import static io.weir.plugins.TestJars.greetingLibrary;
import static io.weir.plugins.TestJars.greetingPlugin;
import static io.weir.plugins.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;

class PluginIsolationTest {
    @TempDir
    Path root;

    /** plugins/<folder>/lib-greeting.jar holding lib.Greeting "libVersion", and plugin.jar with the factory. */
    private void greetingPluginFolder(String folder, String factoryName, String libVersion) throws Exception {
        Path dir = root.resolve("plugins").resolve(folder);
        Path lib = build(root.resolve("build"), dir.resolve("lib-greeting-" + libVersion + ".jar"),
                greetingLibrary(libVersion), Map.of());
        build(root.resolve("build"), dir.resolve("plugin.jar"), greetingPlugin(factoryName),
                Map.of("META-INF/weir-plugin.properties", descriptor(folder, "1.0." + libVersion, SpiVersion.CURRENT),
                        services(SourceFactory.class), "plugin.GreetingSourceFactory\n"), lib);
    }

    /** A parent class loader that, like Weir's own class path, holds lib.Greeting "app". */
    private ClassLoader appLoaderWithItsOwnGreeting() throws Exception {
        Path appLib = build(root.resolve("build"), root.resolve("app/lib-greeting-app.jar"), greetingLibrary("app"), Map.of());
        return new URLClassLoader(new URL[]{appLib.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void shouldGiveEachPluginItsOwnVersionOfABundledLibrary() throws Exception {
        greetingPluginFolder("greet-one", "greet-one", "v1");
        greetingPluginFolder("greet-two", "greet-two", "v2");
        ClassLoader app = appLoaderWithItsOwnGreeting();

        try (Plugins plugins = PluginLoader.load(app, root.resolve("plugins"))) {
            assertThat(plugins.errors()).isEmpty();
            Map<String, SourceFactory> sources = plugins.sources();
            assertThat(greeting(sources.get("greet-one"))).isEqualTo("v1/true");
            assertThat(greeting(sources.get("greet-two"))).isEqualTo("v2/true");
            assertThat(sources.get("greet-one").description()).isEqualTo("greets with v1");
            assertThat(app.loadClass("lib.Greeting").getMethod("text").invoke(null)).isEqualTo("app");
        }
    }

    @Test
    void shouldLetAPluginUseTheParentsLibraryWhenItBundlesNone() throws Exception {
        Path dir = root.resolve("plugins/greet-parent");
        ClassLoader app = appLoaderWithItsOwnGreeting();
        Path appLib = TestJars.locationOf(app.loadClass("lib.Greeting"));
        build(root.resolve("build"), dir.resolve("plugin.jar"), greetingPlugin("greet-parent"),
                Map.of("META-INF/weir-plugin.properties", descriptor("greet-parent", "1", 1),
                        services(SourceFactory.class), "plugin.GreetingSourceFactory\n"), appLib);

        try (Plugins plugins = PluginLoader.load(app, root.resolve("plugins"))) {
            assertThat(greeting(plugins.sources().get("greet-parent"))).isEqualTo("app/true");
        }
    }

    @Test
    void shouldShareApiAndSpiTypesWithThePlugin() throws Exception {
        greetingPluginFolder("greet-one", "greet-one", "v1");

        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), root.resolve("plugins"))) {
            LoadedFactory loaded = plugins.find(PluginKind.SOURCE, "greet-one").orElseThrow();
            assertThat(loaded.classLoader()).isInstanceOf(PluginClassLoader.class);
            assertThat(loaded.classLoader().loadClass(SourceFactory.class.getName())).isSameAs(SourceFactory.class);
            assertThat(loaded.classLoader().loadClass("java.lang.String")).isSameAs(String.class);
        }
    }

    @Test
    void shouldRestoreTheCallersContextClassLoaderAfterAPluginCall() throws Exception {
        greetingPluginFolder("greet-one", "greet-one", "v1");
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), root.resolve("plugins"))) {
            greeting(plugins.sources().get("greet-one"));
        }

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void shouldFindClassPathFactoriesAndDescribeEveryPlugin() throws Exception {
        greetingPluginFolder("greet-one", "greet-one", "v1");

        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), root.resolve("plugins"))) {
            SourceFactory numbers = plugins.sources().get("numbers");
            assertThat(numbers.validateAndCreate(Configuration.fromMap(Map.of("source", "numbers", "to", "3"))))
                    .isEqualTo(new SequenceSource(1, 3));
            assertThat(plugins.describe()).contains(
                    new PluginRow("greet-one", "1.0.v1", PluginKind.SOURCE, root.resolve("plugins/greet-one").toString()));
            assertThat(plugins.describe()).filteredOn(r -> r.name().equals("numbers")).singleElement()
                    .satisfies(r -> assertThat(r.origin()).startsWith("class path ("));
            assertThat(plugins.sinks()).isEmpty();
            assertThat(plugins.schedulers()).isEmpty();
            assertThat(plugins.stateBackends()).isEmpty();
            assertThat(plugins.checkpointStorages()).isEmpty();
        }
    }

    @Test
    void shouldLoadOnlyTheClassPathWhenThePluginsFolderDoesNotExist() {
        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), root.resolve("no-such-folder"))) {
            assertThat(plugins.errors()).isEmpty();
            assertThat(plugins.sources()).containsOnlyKeys("numbers");
        }
    }

    @SuppressWarnings("unchecked")
    private static String greeting(SourceFactory factory) {
        return ((Supplier<String>) factory.create(new Configuration())).get();
    }
}
