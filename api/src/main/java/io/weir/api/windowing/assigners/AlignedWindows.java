package io.weir.api.windowing.assigners;

import io.weir.api.codec.Codec;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The arithmetic of tumbling and sliding windows, as Flink's assigners: the last window containing
 * {@code t} starts at {@code getWindowStartWithOffset(t, offset, slide)}, and earlier ones every
 * {@code slide} before it while they still contain {@code t}. In event time {@code t} is the record's
 * timestamp (a record without one is an error) and the default trigger is {@link EventTimeTrigger}; in
 * processing time {@code t} is the clock's time when the record arrives and the default trigger is
 * {@link ProcessingTimeTrigger}. Immutable.
 */
abstract class AlignedWindows implements AlignedWindowAssigner<Object> {
    private final long size;
    private final long slide;
    private final long offset;
    private final boolean eventTime;

    AlignedWindows(long size, long slide, long offset, boolean eventTime) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.eventTime = eventTime;
    }

    /** Checks tumbling windows' parameters: {@code |offset| < size} (so {@code size > 0}). */
    static void checkTumbling(String assigner, long size, long offset) {
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException(assigner + " parameters must satisfy abs(offset) < size, "
                    + "got size " + size + " ms and offset " + offset + " ms");
        }
    }

    /** Checks sliding windows' parameters: {@code |offset| < slide} (so {@code slide > 0}) and {@code size > 0}. */
    static void checkSliding(String assigner, long size, long slide, long offset) {
        if (Math.abs(offset) >= slide || size <= 0) {
            throw new IllegalArgumentException(assigner + " parameters must satisfy abs(offset) < slide and size > 0, "
                    + "got size " + size + " ms, slide " + slide + " ms and offset " + offset + " ms");
        }
    }

    @Override
    public final Collection<TimeWindow> assignWindows(Object element, long timestamp, Context context) {
        return windowsContaining(eventTime ? AssignerArgs.requireTimestamp(timestamp, this)
                : context.currentProcessingTime());
    }

    @Override
    public final Trigger<Object, TimeWindow> defaultTrigger() {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    @Override
    public final boolean isEventTime() {
        return eventTime;
    }

    /** The windows that contain {@code time}, latest start first. */
    final List<TimeWindow> windowsContaining(long time) {
        long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
        if (size == slide) {
            return List.of(new TimeWindow(lastStart, lastStart + size));
        }
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        for (long start = lastStart; start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final long slide() {
        return slide;
    }

    @Override
    public final long offset() {
        return offset;
    }

    @Override
    public final Codec<TimeWindow> windowCodec() {
        return TimeWindow.codec();
    }
}
