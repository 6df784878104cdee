package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;

/**
 * Non-overlapping processing-time windows of a fixed size: a record belongs to the window that contains
 * the processing time at which it arrives ({@code start = TimeWindow.getWindowStartWithOffset(now, offset, size)}).
 * The default trigger fires when the processing time reaches the window's end ({@link ProcessingTimeTrigger}).
 */
@Evolving
public final class TumblingProcessingTimeWindows extends AlignedWindows {

    private TumblingProcessingTimeWindows(long size, long offset) {
        super(size, size, offset);
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingProcessingTimeWindows parameters must satisfy abs(offset) < size, "
                    + "got size " + size + " ms and offset " + offset + " ms");
        }
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
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, Context context) {
        return windowsContaining(context.currentProcessingTime());
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size() + ")";
    }
}
