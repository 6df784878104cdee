package io.weir.api.windowing.assigners;

import io.weir.api.codec.Codec;
import io.weir.api.windowing.TimeWindow;

import java.util.Collection;
import java.util.List;

/**
 * The shared part of session windows: a record at time {@code t} opens {@code [t, t + gap)}, and
 * windows of a key that intersect merge ({@link TimeWindow#mergeWindows}).
 */
abstract class SessionWindows<T> implements MergingWindowAssigner<T, TimeWindow> {
    private final long fixedGap;
    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    /** A fixed gap ({@code gapExtractor == null}) or a dynamic one. */
    SessionWindows(long fixedGap, SessionWindowTimeGapExtractor<T> gapExtractor, String name) {
        if (gapExtractor == null && fixedGap <= 0) {
            throw new IllegalArgumentException(name + " parameters must satisfy 0 < size, got a gap of " + fixedGap + " ms");
        }
        this.fixedGap = fixedGap;
        this.gapExtractor = gapExtractor;
    }

    /** The session window a record at {@code time} opens. */
    final List<TimeWindow> sessionFrom(T element, long time) {
        long gap = fixedGap;
        if (gapExtractor != null) {
            gap = gapExtractor.extract(element);
            if (gap <= 0) {
                throw new IllegalArgumentException("Dynamic session time gap must satisfy 0 < gap, but the extractor returned "
                        + gap + " ms for " + element);
            }
        }
        return List.of(new TimeWindow(time, time + gap));
    }

    /** {@code true} when the gap comes from a {@link SessionWindowTimeGapExtractor}. */
    public final boolean isDynamicGap() {
        return gapExtractor != null;
    }

    /** The fixed gap in milliseconds ({@code 0} for a dynamic gap). */
    public final long gap() {
        return gapExtractor == null ? fixedGap : 0;
    }

    @Override
    public final void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public final Codec<TimeWindow> windowCodec() {
        return TimeWindow.codec();
    }

    String describe(String name) {
        return gapExtractor == null ? name + "(" + fixedGap + ")" : name + "(dynamic gap)";
    }
}
