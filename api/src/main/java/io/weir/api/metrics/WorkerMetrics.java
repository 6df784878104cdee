package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

/**
 * How one scheduler thread spent its time.
 *
 * @param worker    thread name
 * @param busyNanos time in tasklet calls that made progress
 * @param idleNanos time in calls that made none, and idling
 */
@Stable
public record WorkerMetrics(String worker, long busyNanos, long idleNanos) {

    /** Fraction of the time that was busy, between 0 and 1. */
    public double busyFraction() {
        long total = busyNanos + idleNanos;
        return total == 0 ? 0 : (double) busyNanos / total;
    }
}
