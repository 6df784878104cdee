package io.weir.plugins;

import java.util.function.Supplier;

/**
 * Runs plugin code with the thread's context class loader set to the plugin's loader, and restores the
 * previous one afterwards (also when the code throws), so that libraries inside the plugin that look up
 * classes or resources through the context class loader find the plugin's own.
 *
 * <h2>Thread safety</h2>
 * Affects only the calling thread.
 */
public final class ContextClassLoader {
    private ContextClassLoader() {
    }

    /** Calls {@code code} with {@code loader} as the context class loader. */
    public static <T> T call(ClassLoader loader, Supplier<T> code) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            return code.get();
        }
        thread.setContextClassLoader(loader);
        try {
            return code.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
