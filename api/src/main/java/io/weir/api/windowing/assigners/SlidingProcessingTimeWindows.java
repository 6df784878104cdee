package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;

/**
 * Processing-time windows of {@code size} that start every {@code slide}: a record belongs to every
 * such window that contains the processing time at which it arrives (same arithmetic as
 * {@link SlidingEventTimeWindows}).
 */
@Evolving
public final class SlidingProcessingTimeWindows extends AlignedWindows {

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset);
        if (Math.abs(offset) >= slide || size <= 0) {
            throw new IllegalArgumentException("SlidingProcessingTimeWindows parameters must satisfy abs(offset) < slide and size > 0, "
                    + "got size " + size + " ms, slide " + slide + " ms and offset " + offset + " ms");
        }
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
        return "SlidingProcessingTimeWindows(" + size() + ", " + slide() + ")";
    }
}
