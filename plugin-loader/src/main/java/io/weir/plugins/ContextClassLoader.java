package io.weir.plugins;

/**
 * Runs plugin code with the thread's context class loader set to the plugin's loader, and restores the
 * previous one afterwards (also when the code throws), so that libraries inside the plugin that look up
 * classes or resources through the context class loader find the plugin's own. When the loader is
 * already the context class loader, nothing is set or restored.
 *
 * <p>{@link #call} and {@link #run} take the code as a lambda and rethrow what it throws, checked
 * exceptions included; a capturing lambda may cost an allocation per call, so they serve cold paths
 * (factory calls, creating and closing connectors, checkpoints). Per-record calls use {@link #enter} and
 * {@link #restore} around a direct call instead:
 * <pre>{@code
 * ClassLoader previous = ContextClassLoader.enter(loader);
 * try {
 *     return reader.pollNext(output);
 * } finally {
 *     ContextClassLoader.restore(previous, loader);
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Affects only the calling thread.
 */
public final class ContextClassLoader {
    private ContextClassLoader() {
    }

    /**
     * Code that returns a value and may throw {@code E}.
     *
     * @param <T> what it returns
     * @param <E> what it may throw; inferred as {@link RuntimeException} for code that throws no checked exception
     */
    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        /** Runs the code. */
        T call() throws E;
    }

    /**
     * Code that returns nothing and may throw {@code E}.
     *
     * @param <E> what it may throw; inferred as {@link RuntimeException} for code that throws no checked exception
     */
    @FunctionalInterface
    public interface Run<E extends Exception> {
        /** Runs the code. */
        void run() throws E;
    }

    /** Calls {@code code} with {@code loader} as the context class loader, and returns what it returns. */
    public static <T, E extends Exception> T call(ClassLoader loader, Call<T, E> code) throws E {
        ClassLoader previous = enter(loader);
        try {
            return code.call();
        } finally {
            restore(previous, loader);
        }
    }

    /** Runs {@code code} with {@code loader} as the context class loader. */
    public static <E extends Exception> void run(ClassLoader loader, Run<E> code) throws E {
        ClassLoader previous = enter(loader);
        try {
            code.run();
        } finally {
            restore(previous, loader);
        }
    }

    /**
     * Sets {@code loader} as the calling thread's context class loader, unless it is already; returns the
     * previous one, to hand to {@link #restore} in a {@code finally} block. Allocates nothing.
     */
    static ClassLoader enter(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != loader) {
            thread.setContextClassLoader(loader);
        }
        return previous;
    }

    /** Undoes {@link #enter}: sets {@code previous} back unless {@code enter} found {@code loader} already set. */
    static void restore(ClassLoader previous, ClassLoader loader) {
        if (previous != loader) {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
