package io.weir.connectors.datagen;

/**
 * The event time of generated events: event {@code i} is due at {@code start + i * interval}; most events
 * are shifted back by up to {@code outOfOrdernessMs} (so a bounded-out-of-orderness watermark with that
 * bound accepts them); a {@code lateFraction} of them is shifted back by more than the bound, by
 * {@code outOfOrdernessMs + 1} to {@code outOfOrdernessMs + lateDelayMs}, so that such a watermark has
 * usually passed them already.
 *
 * @param startMillis      the event time of event 0, epoch milliseconds
 * @param intervalNanos    event time between two consecutive events, nanoseconds, {@code >= 0}
 * @param outOfOrdernessMs the largest shift of an on-time event, {@code >= 0}
 * @param lateFraction     the share of late events, in {@code [0, 1]}
 * @param lateDelayMs      how far beyond the bound a late event may be, {@code >= 1}
 */
public record EventTime(long startMillis, long intervalNanos, long outOfOrdernessMs, double lateFraction,
                        long lateDelayMs) {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    public EventTime {
        if (intervalNanos < 0 || outOfOrdernessMs < 0 || lateDelayMs < 1) {
            throw new IllegalArgumentException("event time: interval and out-of-orderness must be >= 0 and late delay >= 1 ms");
        }
        if (!(lateFraction >= 0 && lateFraction <= 1)) {
            throw new IllegalArgumentException("event time: late fraction must be in [0, 1], not " + lateFraction);
        }
    }

    /** In-order event time, one event per millisecond from {@code startMillis}. */
    public static EventTime inOrder(long startMillis) {
        return new EventTime(startMillis, NANOS_PER_MILLI, 0, 0, 1);
    }

    /** When event {@code index} is due, before any shift. */
    public long due(long index) {
        // index * intervalNanos / 1e6 without overflowing for large indexes
        long q = index / NANOS_PER_MILLI;
        long r = index % NANOS_PER_MILLI;
        return startMillis + q * intervalNanos + (r * intervalNanos) / NANOS_PER_MILLI;
    }

    /** The timestamp of event {@code index} whose hash is {@code hash}. */
    public long timestamp(long index, long hash) {
        long due = due(index);
        if (isLate(hash)) {
            return due - outOfOrdernessMs - 1 - Mix.below(Mix.draw(hash, 101), lateDelayMs);
        }
        return outOfOrdernessMs == 0 ? due : due - Mix.below(Mix.draw(hash, 102), outOfOrdernessMs + 1);
    }

    /** {@code true} if the event whose hash is {@code hash} is one of the late ones. */
    public boolean isLate(long hash) {
        return lateFraction > 0 && Mix.unit(Mix.draw(hash, 100)) < lateFraction;
    }
}
