package io.weir.api.windowing;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.windowing.assigners.MergingWindowAssigner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The time interval {@code [start, end)}: {@code start} inclusive, {@code end} exclusive, so
 * {@link #maxTimestamp()} is {@code end - 1}. The arithmetic ({@link #getWindowStartWithOffset},
 * {@link #intersects}, {@link #cover}, {@link #mergeWindows}) is Apache Flink's, so windows line up
 * with Flink's to the millisecond.
 */
@Evolving
public final class TimeWindow extends Window {
    private static final Codec<TimeWindow> CODEC = new WindowCodec();

    private final long start;
    private final long end;

    /** The window {@code [start, end)}. */
    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /** The first timestamp of the window (inclusive). */
    public long start() {
        return start;
    }

    /** The end of the window (exclusive). */
    public long end() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** {@code true} when this window and {@code other} overlap or touch ({@code start <= other.end && end >= other.start}). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that covers this window and {@code other}. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize}, shifted by {@code offset}, that contains
     * {@code timestamp}; correct for negative timestamps too (Flink's formula: the remainder of
     * {@code timestamp - offset} by the size, made non-negative).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Merges the windows that intersect, as Flink does: sorted by start, each run of intersecting windows
     * becomes their cover; {@code callback} hears every run of more than one window.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::start));
        TimeWindow cover = null;
        Set<TimeWindow> run = null;
        for (TimeWindow candidate : sorted) {
            if (cover != null && cover.intersects(candidate)) {
                cover = cover.cover(candidate);
                run.add(candidate);
                continue;
            }
            if (run != null && run.size() > 1) {
                callback.merge(run, cover);
            }
            cover = candidate;
            run = new HashSet<>();
            run.add(candidate);
        }
        if (run != null && run.size() > 1) {
            callback.merge(run, cover);
        }
    }

    /** The codec of time windows: start then end, 8 bytes each. */
    public static Codec<TimeWindow> codec() {
        return CODEC;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(start);
        return 31 * result + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    private static final class WindowCodec implements Codec<TimeWindow> {
        @Override
        public void encode(TimeWindow value, CodecOutput out) {
            out.writeLong(value.start);
            out.writeLong(value.end);
        }

        @Override
        public TimeWindow decode(CodecInput in) {
            long start = in.readLong();
            return new TimeWindow(start, in.readLong());
        }

        @Override
        public int fixedSize() {
            return 16;
        }
    }
}
