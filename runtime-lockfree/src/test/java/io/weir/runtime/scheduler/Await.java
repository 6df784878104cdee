package io.weir.runtime.scheduler;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded polling for conditions that real scheduler threads must bring about. */
public final class Await {
    /** The longest any test waits for threads; generous, because tests must not depend on speed. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    private Await() {
    }

    /** Polls {@code condition} until it holds, failing with {@code what} once {@link #BOUND} has passed. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + BOUND + " waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
