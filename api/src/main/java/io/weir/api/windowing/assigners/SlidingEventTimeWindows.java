package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;

import java.time.Duration;

/**
 * Event-time windows of {@code size} that start every {@code slide}: a record with timestamp {@code t}
 * belongs to every window {@code [start, start + size)} with {@code start = offset + k * slide} that
 * contains {@code t}, listed from the latest start down by {@code slide} (Flink's order). When
 * {@code size} is not a multiple of {@code slide} records belong to different numbers of windows.
 */
@Evolving
public final class SlidingEventTimeWindows extends AlignedWindows {

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, true);
        checkSliding("SlidingEventTimeWindows", size, slide, offset);
    }

    /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}; {@code |offset| < slide}. */
    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(AssignerArgs.millis(size, "size"), AssignerArgs.millis(slide, "slide"),
                AssignerArgs.millis(offset, "offset"));
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size() + ", " + slide() + ")";
    }
}
