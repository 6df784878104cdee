package io.weir.perf.nexmark;

import io.weir.connectors.datagen.EventTime;

/**
 * The timing of one run, shared by the source, the sink and the reports: when each event is due (its intended
 * emission time) and which event's watermark closes a window.
 *
 * <p>Event {@code i} is due at {@code startNanos + i * 1e9 / rate} ({@code System.nanoTime()} based); with
 * {@code rate = 0} nothing is paced. Event times are in order: event {@code i} has the timestamp
 * {@code eventTime.due(i)}, and watermarks are monotonous (watermark = highest timestamp - 1, emitted on every
 * event that advances it), so the window whose max timestamp is {@code t} is fired by the first watermark
 * {@code >= t}: the one following the first event with a timestamp {@code >= t + 1} in every source split. As
 * the {@code splits} strided splits move in step, that is event {@code first(t + 1) + splits - 1}.
 *
 * @param startNanos the {@code System.nanoTime()} at which event 0 is due (paced runs)
 * @param rate       events per second, or 0 for as fast as possible
 * @param events     events in the run
 * @param splits     source splits (the source parallelism)
 * @param eventTime  the event time of the generated events (in order: no disorder, no late events)
 */
public record Schedule(long startNanos, long rate, long events, int splits, EventTime eventTime) {
    /** The event time of event 0 (2026-01-01T00:00:00Z, the datagen connector's default). */
    public static final long START_MILLIS = 1_767_225_600_000L;
    /** Events per second of event time when the run is not paced. */
    public static final long DEFAULT_EVENT_TIME_RATE = 1_000_000L;

    public Schedule {
        if (rate < 0 || events < 1 || splits < 1) {
            throw new IllegalArgumentException("schedule: need rate >= 0, events >= 1 and splits >= 1, got rate " + rate
                    + ", events " + events + ", splits " + splits);
        }
        if (eventTime.outOfOrdernessMs() != 0 || eventTime.lateFraction() != 0) {
            throw new IllegalArgumentException("schedule: event time must be in order, got " + eventTime);
        }
    }

    /**
     * The schedule of a run: event time advances by {@code 1e9 / eventTimeRate} ns per event, where the event-time
     * rate is {@code rate} for a paced run (so event time keeps pace with real time) and
     * {@value #DEFAULT_EVENT_TIME_RATE} otherwise.
     */
    public static Schedule of(long startNanos, long rate, long events, int splits) {
        return new Schedule(startNanos, rate, events, splits, eventTimeFor(rate));
    }

    /** The event time of a run at {@code rate} events per second (0: not paced). */
    public static EventTime eventTimeFor(long rate) {
        long eventTimeRate = rate > 0 ? rate : DEFAULT_EVENT_TIME_RATE;
        long interval = Math.max(1, Math.round(1e9 / eventTimeRate));
        return new EventTime(START_MILLIS, interval, 0, 0, 1);
    }

    /** {@code true} if events are emitted at a fixed rate. */
    public boolean paced() {
        return rate > 0;
    }

    /** The {@code System.nanoTime()} at which event {@code index} is due. */
    public long intendedNanos(long index) {
        return startNanos + (long) (index * (1e9 / rate));
    }

    /** How many events are due at {@code nanoTime} (at most {@link #events}). */
    public long dueBy(long nanoTime) {
        if (nanoTime < startNanos) {
            return 0;
        }
        return Math.min(events, (long) ((nanoTime - startNanos) * (rate / 1e9)) + 1);
    }

    /** The first event whose timestamp is at least {@code timestamp}, or {@link #events} if none is. */
    public long firstAtOrAfter(long timestamp) {
        long offset = timestamp - eventTime.startMillis();
        if (offset <= 0) {
            return 0;
        }
        // due(i) = start + floor(i * interval / 1e6): the closed form, then a step either way for rounding
        long i = Math.max(0, (long) Math.ceil(offset * 1e6 / eventTime.intervalNanos()));
        while (i > 0 && eventTime.due(i - 1) >= timestamp) {
            i--;
        }
        while (i < events && eventTime.due(i) < timestamp) {
            i++;
        }
        return Math.min(i, events);
    }

    /**
     * The event whose watermark fires the window with max timestamp {@code windowMaxTimestamp}: the last of the
     * splits to pass it. A window that only the end of the input fires is closed by the last event.
     */
    public long closingEvent(long windowMaxTimestamp) {
        long first = firstAtOrAfter(windowMaxTimestamp + 1);
        return Math.min(events - 1, first + splits - 1);
    }
}
