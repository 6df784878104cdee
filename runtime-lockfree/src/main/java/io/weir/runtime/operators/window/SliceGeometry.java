package io.weir.runtime.operators.window;

import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.AlignedWindowAssigner;

/**
 * The arithmetic of aligned (tumbling or sliding) windows cut into slices: windows of {@code size} start
 * every {@code slide} at {@code offset}; a slice is {@code gcd(size, slide)} long, so that every window
 * boundary is a slice boundary. Shared by the sliced window operators.
 *
 * @param size      window length, ms
 * @param slide     distance between window starts, ms
 * @param offset    window alignment, ms
 * @param sliceSize {@code gcd(size, slide)}
 */
record SliceGeometry(long size, long slide, long offset, long sliceSize) {

    /** The geometry of {@code definition}'s (aligned) assigner. */
    static SliceGeometry of(WindowDefinition definition) {
        AlignedWindowAssigner<?> aligned = (AlignedWindowAssigner<?>) (Object) definition.assigner();
        return new SliceGeometry(aligned.size(), aligned.slide(), aligned.offset(), gcd(aligned.size(), aligned.slide()));
    }

    /** The start of the latest window that starts at or before {@code time}. */
    long lastStart(long time) {
        return TimeWindow.getWindowStartWithOffset(time, offset, slide);
    }

    /** The start of the earliest window containing {@code time} (given {@code lastStart(time)}). */
    long firstStart(long time, long lastStart) {
        return lastStart - (lastStart - (time - size + 1)) / slide * slide;
    }

    /** The start of the slice containing {@code time}. */
    long sliceStart(long time) {
        return TimeWindow.getWindowStartWithOffset(time, offset, sliceSize);
    }

    /** The window starting at {@code start}. */
    TimeWindow window(long start) {
        return new TimeWindow(start, start + size);
    }

    /** The slice starting at {@code start}, as a window (the namespace of slice state). */
    TimeWindow slice(long start) {
        return new TimeWindow(start, start + sliceSize);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
