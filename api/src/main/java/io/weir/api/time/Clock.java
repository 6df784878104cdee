package io.weir.api.time;

import io.weir.api.annotation.Stable;

/**
 * The source of processing time for a job: processing-time timers and windows, periodic watermark
 * emission, idleness detection and state TTL all read it. The default is the system clock; tests set a
 * {@link ManualClock} with {@code StreamEnvironment.setClock} so that nothing depends on wall-clock timing.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe: every task thread reads the clock.
 */
@Stable
@FunctionalInterface
public interface Clock {

    /** The current processing time in epoch milliseconds. Never goes backwards. */
    long currentTimeMillis();

    /** The system clock ({@link System#currentTimeMillis()}). */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
