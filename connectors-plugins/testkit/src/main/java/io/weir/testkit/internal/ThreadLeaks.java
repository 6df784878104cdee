package io.weir.testkit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds threads that a job left running: the live threads at the end that were not alive before it
 * started, after a bounded wait for them to end. Threads of the JVM's shared pools (the common fork-join
 * pool, the cleaner) are not counted: they outlive any job by design.
 *
 * <h2>Thread safety</h2>
 * Stateless; call from the test thread.
 */
public final class ThreadLeaks {
    private static final List<String> JVM_SHARED = List.of("ForkJoinPool.commonPool", "Common-Cleaner",
            "process reaper", "Attach Listener", "Signal Dispatcher", "Notification Thread", "InnocuousThread");

    private ThreadLeaks() {
    }

    /** The threads alive now. */
    public static Set<Thread> snapshot() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * Waits at most {@code bound} until no thread is alive that is not in {@code before}, not a JVM-shared
     * thread and not {@code allowed}; throws {@link AssertionError} naming the threads left.
     */
    public static void assertNoneLeft(Set<Thread> before, Duration bound, Predicate<Thread> allowed) {
        Await.until(() -> left(before, allowed).isEmpty(), bound,
                () -> "threads left running after the job ended: " + left(before, allowed).stream()
                        .map(t -> "'" + t.getName() + "' (" + t.getState() + ")").collect(Collectors.joining(", ")));
    }

    private static List<Thread> left(Set<Thread> before, Predicate<Thread> allowed) {
        return snapshot().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !allowed.test(t))
                .filter(t -> JVM_SHARED.stream().noneMatch(t.getName()::startsWith))
                .toList();
    }
}
