package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.Window;
import io.weir.runtime.state.NamespacedState;

/**
 * Tumbling and sliding windows with the default trigger and an incremental function, computed by
 * window slicing (the Scotty/Cutty line of work; Flink's table runtime does the same): time is cut
 * into slices of {@code gcd(size, slide)} aligned with every window boundary; each record updates the
 * one partial aggregate of its (key, slice), and a window's result combines the partials of its
 * {@code size / gcd} slices when it fires. The cost per record does not grow with {@code size / slide}.
 *
 * <p>It gives the results of {@link WindowOperator} with {@code EventTimeTrigger} /
 * {@code ProcessingTimeTrigger}, for functions that meet the {@link SliceFunction} contract:
 * <ul>
 *   <li>Firing: each record registers one timer, for the earliest-ending window that contains it and is
 *       still ahead of the watermark; when a window fires it registers the next window's timer if that
 *       window holds data, so every non-empty window fires once, at its {@code maxTimestamp()}.</li>
 *   <li>Lateness: a record within the allowed lateness updates its slice and fires again, at once and
 *       in the assigner's order, every window that contains it whose end the watermark passed but whose
 *       cleanup time it did not; a record too late for every window is late data.</li>
 *   <li>Cleanup: at a window's cleanup time ({@code maxTimestamp + allowedLateness}; processing time:
 *       {@code maxTimestamp}) the slices it is the last window of are dropped and the process window
 *       function clears the window's state.</li>
 * </ul>
 * A processing-time window never receives records after it fired: its timer fires only once the clock
 * is past its last millisecond, and records are placed by the clock.
 */
public final class SlicingWindowOperator extends AbstractWindowOperator {
    /** The name of the per-slice partial aggregate state. */
    static final String SLICES_STATE = "window-slices";

    private final SliceGeometry geometry;
    private final long size;
    private final long slide;
    private final long sliceSize;
    private final SliceFunction sliceFunction;
    private NamespacedState<Window, ValueState<Object>> slices;

    public SlicingWindowOperator(WindowDefinition definition) {
        super(definition);
        if (!WindowOperators.canSlice(definition)) {
            throw new IllegalArgumentException("windows cannot be sliced: " + definition.describe());
        }
        this.geometry = SliceGeometry.of(definition);
        this.size = geometry.size();
        this.slide = geometry.slide();
        this.sliceSize = geometry.sliceSize();
        this.sliceFunction = SliceFunction.of(definition.function());
    }

    @Override
    protected void openState() {
        Codec<Object> partials = functions.partialCodec(definition.inputType(), codecs());
        slices = keyedState.namespacedState(new ValueStateDescriptor<>(SLICES_STATE, partials), windowCodec);
    }

    /** The length of a slice in milliseconds: {@code gcd(size, slide)}. */
    public long sliceSize() {
        return sliceSize;
    }

    @Override
    protected void processElement(Object key, Object value, long timestamp) throws Exception {
        long time = elementTime(value, timestamp);
        long lastStart = geometry.lastStart(time);
        if (lastStart + size <= time || isWindowLate(lastStart + size - 1)) {
            handleSkippedRecord(value, timestamp); // in no window, or too late for every window
            return;
        }
        addToSlice(time, value);
        // the windows of the record start at firstStart, firstStart + slide, ..., lastStart
        long firstStart = geometry.firstStart(time, lastStart);
        long pendingFrom = firstStart;
        long watermark = currentWatermark();
        if (eventTime && firstStart + size - 1 <= watermark) {
            // some of them ended already (a late record within the lateness): fire those at once, latest
            // start first as the assigner lists them, up to the first one already cleaned up
            long latestPast = lastStart + size - 1 <= watermark
                    ? lastStart : lastStart - Math.ceilDiv(lastStart - (watermark - size + 1), slide) * slide;
            for (long start = latestPast; start >= firstStart; start -= slide) {
                TimeWindow window = window(start);
                if (isWindowLate(window)) {
                    break;
                }
                emitWindow(key, window, combine(window));
                registerCleanupTimer(window);
            }
            pendingFrom = latestPast + slide;
        }
        if (pendingFrom <= lastStart) {
            // the earliest window still ahead; each window that fires registers the next one
            registerFireTimer(window(pendingFrom));
        }
    }

    @Override
    protected void onTimer(Object key, Window window, long time, boolean eventTimeTimer) throws Exception {
        if (eventTimeTimer != eventTime) {
            return;
        }
        TimeWindow tw = (TimeWindow) window;
        if (time == tw.maxTimestamp()) {
            Object result = combine(tw);
            if (result != null) {
                emitWindow(key, tw, result);
            }
            TimeWindow next = window(tw.start() + slide);
            if (hasData(next)) {
                registerFireTimer(next);
            }
            if (cleanupTime(tw) != time) {
                registerCleanupTimer(tw);
            }
        }
        if (time == cleanupTime(tw)) {
            dropLastSlices(tw);
            clearWindowFunction(tw);
        }
    }

    private void registerFireTimer(TimeWindow window) {
        if (eventTime) {
            timers.registerEventTimeTimer(window, window.maxTimestamp());
        } else {
            timers.registerProcessingTimeTimer(window, window.maxTimestamp());
        }
    }

    private void addToSlice(long time, Object value) throws Exception {
        long start = geometry.sliceStart(time);
        slices.setNamespace(geometry.slice(start));
        ValueState<Object> slice = slices.state();
        slice.update(sliceFunction.add(slice.value(), value));
    }

    /** The window's result from its slices, oldest first, or {@code null} when all are empty. */
    private Object combine(TimeWindow window) throws Exception {
        Object accumulator = null;
        boolean any = false;
        for (long start = window.start(); start < window.end(); start += sliceSize) {
            slices.setNamespace(geometry.slice(start));
            Object partial = slices.state().value();
            if (partial != null) {
                accumulator = sliceFunction.combine(accumulator, partial);
                any = true;
            }
        }
        return any ? sliceFunction.result(accumulator) : null;
    }

    private boolean hasData(TimeWindow window) {
        for (long start = window.end() - sliceSize; start >= window.start(); start -= sliceSize) {
            slices.setNamespace(geometry.slice(start));
            if (slices.state().value() != null) {
                return true;
            }
        }
        return false;
    }

    /** Drops the slices whose last window is {@code window}: those that no later window contains. */
    private void dropLastSlices(TimeWindow window) {
        long end = window.start() + Math.min(slide, size);
        for (long start = window.start(); start < end; start += sliceSize) {
            slices.setNamespace(geometry.slice(start));
            slices.state().clear();
        }
    }

    private TimeWindow window(long start) {
        return geometry.window(start);
    }

}
