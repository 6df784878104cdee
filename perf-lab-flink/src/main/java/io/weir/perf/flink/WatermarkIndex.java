package io.weir.perf.flink;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which event closed a window: for every source subtask and every event-time millisecond {@code m}, the index of
 * the first event of that subtask's stream whose timestamp is {@code >= m}. A bounded-out-of-orderness watermark
 * (bound {@code B}) reaches {@code end - 1}, and so fires the windows ending at {@code end}, once the largest
 * timestamp seen reaches {@code end + B}; a window operator's watermark is the minimum over all source subtasks,
 * so the closing event of the windows ending at {@code end} is the latest, over the subtasks, of those first
 * events. A window result's latency is measured from that event's intended emission time (the run-folder
 * contract). The readers fill the table as they emit; the sinks read it. Used in latency mode only.
 *
 * <h2>Thread safety</h2>
 * Row {@code k} has one writer, the reader of subtask {@code k}; an entry is written before the event that fills
 * it is emitted, so before any watermark derived from it. Any thread may read.
 */
public final class WatermarkIndex {
    /** The largest table, in entries over all subtasks, that latency mode accepts. */
    static final long MAX_ENTRIES = 200_000_000L;
    private final long baseMillis;
    private final long boundMillis;
    private final long lastIndex;
    private final AtomicLongArray[] rows;

    /**
     * @param baseMillis  the smallest timestamp any event may carry
     * @param lastMillis  the largest timestamp any event may carry
     * @param boundMillis the watermark's out-of-orderness bound
     * @param events      events in all (an unclosed window closes at end of input, after event {@code events - 1})
     * @param parallelism source subtasks
     */
    WatermarkIndex(long baseMillis, long lastMillis, long boundMillis, long events, int parallelism) {
        long length = lastMillis - baseMillis + 1;
        if (length * parallelism > MAX_ENTRIES) {
            throw new IllegalArgumentException("latency mode: the generated events span " + length
                    + " ms of event time; at most " + MAX_ENTRIES / parallelism
                    + " are tracked: use fewer events or a shorter --event-interval-ns");
        }
        this.baseMillis = baseMillis;
        this.boundMillis = boundMillis;
        this.lastIndex = events - 1;
        this.rows = Probe.table(parallelism, (int) length);
    }

    /** Subtask {@code subtask}'s largest timestamp rose from {@code previousMax} to {@code newMax} at {@code index}. */
    void reached(int subtask, long previousMax, long newMax, long index) {
        AtomicLongArray row = rows[subtask];
        long from = Math.max(previousMax + 1, baseMillis) - baseMillis;
        long to = Math.min(newMax - baseMillis, row.length() - 1);
        for (long m = from; m <= to; m++) {
            row.lazySet((int) m, index);
        }
    }

    /** The index of the event that closed the event-time windows ending at {@code windowEnd} (exclusive). */
    long closingIndex(long windowEnd) {
        long m = windowEnd + boundMillis - baseMillis;
        long closing = 0;
        for (AtomicLongArray row : rows) {
            long first = m < 0 ? 0 : m >= row.length() ? -1 : row.get((int) m);
            if (first < 0) {
                return lastIndex;
            }
            closing = Math.max(closing, first);
        }
        return closing;
    }
}
