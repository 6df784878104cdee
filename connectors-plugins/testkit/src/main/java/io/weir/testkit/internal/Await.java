package io.weir.testkit.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/** Bounded polling for a condition that a real thread must bring about; never an unbounded wait or a fixed sleep. */
public final class Await {
    private static final long POLL_NANOS = 1_000_000;

    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds; throws {@link AssertionError} with {@code message} when it
     * still does not after {@code bound}.
     */
    public static void until(BooleanSupplier condition, Duration bound, Supplier<String> message) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(message.get() + " (waited " + bound + ")");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
