package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;

import java.time.Duration;

/**
 * Non-overlapping processing-time windows of a fixed size: a record belongs to the window that contains
 * the processing time at which it arrives ({@code start = TimeWindow.getWindowStartWithOffset(now, offset, size)}).
 * The default trigger fires when the processing time reaches the window's end ({@link ProcessingTimeTrigger}).
 */
@Evolving
public final class TumblingProcessingTimeWindows extends AlignedWindows {

    private TumblingProcessingTimeWindows(long size, long offset) {
        super(size, size, offset, false);
        checkTumbling("TumblingProcessingTimeWindows", size, offset);
    }

    /** Windows of {@code size}, aligned to the epoch. */
    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /** Windows of {@code size}, shifted by {@code offset}; {@code |offset| < size}. */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(AssignerArgs.millis(size, "size"), AssignerArgs.millis(offset, "offset"));
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size() + ")";
    }
}
