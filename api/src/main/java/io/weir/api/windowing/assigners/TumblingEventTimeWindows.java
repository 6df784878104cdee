package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.triggers.EventTimeTrigger;

import java.time.Duration;

/**
 * Non-overlapping event-time windows of a fixed size: a record with timestamp {@code t} belongs to
 * {@code [start, start + size)} with {@code start = TimeWindow.getWindowStartWithOffset(t, offset, size)}.
 * The default trigger fires when the watermark passes the window's end ({@link EventTimeTrigger}).
 */
@Evolving
public final class TumblingEventTimeWindows extends AlignedWindows {

    private TumblingEventTimeWindows(long size, long offset) {
        super(size, size, offset, true);
        checkTumbling("TumblingEventTimeWindows", size, offset);
    }

    /** Windows of {@code size}, aligned to the epoch. */
    public static TumblingEventTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /** Windows of {@code size}, shifted by {@code offset} (for example to align daily windows to a time zone); {@code |offset| < size}. */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(AssignerArgs.millis(size, "size"), AssignerArgs.millis(offset, "offset"));
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size() + ")";
    }
}
