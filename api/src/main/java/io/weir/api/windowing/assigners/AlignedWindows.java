package io.weir.api.windowing.assigners;

import io.weir.api.codec.Codec;
import io.weir.api.windowing.TimeWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of tumbling and sliding windows, as Flink's assigners: the last window containing
 * {@code t} starts at {@code getWindowStartWithOffset(t, offset, slide)}, and earlier ones every
 * {@code slide} before it while they still contain {@code t}.
 */
abstract class AlignedWindows implements AlignedWindowAssigner<Object> {
    private final long size;
    private final long slide;
    private final long offset;

    AlignedWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
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
