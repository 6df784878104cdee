package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;

/**
 * Non-overlapping event-time windows of a fixed size: a record with timestamp {@code t} belongs to
 * {@code [start, start + size)} with {@code start = TimeWindow.getWindowStartWithOffset(t, offset, size)}.
 * The default trigger fires when the watermark passes the window's end ({@link EventTimeTrigger}).
 */
@Evolving
public final class TumblingEventTimeWindows extends AlignedWindows {

    private TumblingEventTimeWindows(long size, long offset) {
        super(size, size, offset);
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows parameters must satisfy abs(offset) < size, "
                    + "got size " + size + " ms and offset " + offset + " ms");
        }
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
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, Context context) {
        return windowsContaining(AssignerArgs.requireTimestamp(timestamp, toString()));
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size() + ")";
    }
}
