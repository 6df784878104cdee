package io.weir.connectors.datagen;

import java.util.function.LongSupplier;

/**
 * A non-blocking events-per-second budget: {@link #available()} says how many events may be emitted
 * now so that the average since the first call does not exceed the rate. A reader that falls behind
 * (back-pressure) catches up at full speed. Single-threaded (one per reader).
 */
final class RateLimit {
    private final double eventsPerNano;
    private final LongSupplier nanoClock;
    private long startNanos;
    private boolean started;
    private long emitted;

    /** {@code eventsPerSecond <= 0} means unlimited. */
    RateLimit(double eventsPerSecond, LongSupplier nanoClock) {
        this.eventsPerNano = eventsPerSecond / 1e9;
        this.nanoClock = nanoClock;
    }

    /** How many events may be emitted now, at most {@code wanted}. */
    long available(long wanted) {
        if (eventsPerNano <= 0) {
            return wanted;
        }
        long now = nanoClock.getAsLong();
        if (!started) {
            started = true;
            startNanos = now;
        }
        long allowed = (long) ((now - startNanos) * eventsPerNano) + 1 - emitted;
        return Math.max(0, Math.min(wanted, allowed));
    }

    /** Records that {@code count} events were emitted. */
    void consumed(long count) {
        emitted += count;
    }
}
