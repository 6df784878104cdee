package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;

import java.time.Duration;

/**
 * Processing-time windows of {@code size} that start every {@code slide}: a record belongs to every
 * such window that contains the processing time at which it arrives (same arithmetic as
 * {@link SlidingEventTimeWindows}).
 */
@Evolving
public final class SlidingProcessingTimeWindows extends AlignedWindows {

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, false);
        checkSliding("SlidingProcessingTimeWindows", size, slide, offset);
    }

    /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}; {@code |offset| < slide}. */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(AssignerArgs.millis(size, "size"), AssignerArgs.millis(slide, "slide"),
                AssignerArgs.millis(offset, "offset"));
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size() + ", " + slide() + ")";
    }
}
