package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.runtime.operators.KeyAware;
import io.weir.runtime.operators.OperatorException;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.timers.InternalTimer;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.runtime.timers.Triggerable;

/**
 * What every window operator shares, as in Flink's {@code WindowOperator}: the key of each record is
 * made the current key of the operator's {@link KeyedStateManager} ({@code OperatorContext.keyedState()});
 * watermarks fire due event-time timers before they are forwarded; processing-time timers fire once
 * the clock is past them; results carry the window's {@code maxTimestamp()}; lateness arithmetic
 * ({@link #cleanupTime}, {@link #isWindowLate}, {@link #isElementLate}); records too late for every
 * window go to the late-data side output, or are counted in {@link #numLateRecordsDropped()}.
 *
 * <h2>Thread safety</h2>
 * Single-threaded, as every {@link StreamOperator}.
 */
public abstract class AbstractWindowOperator extends StreamOperator implements KeyAware {
    /** The name of the operator's timer service. */
    static final String TIMER_SERVICE = "window-timers";

    protected final WindowDefinition definition;
    protected final WindowAssigner<Object, Window> assigner;
    protected final boolean eventTime;
    protected final long allowedLateness;
    protected final Codec<Window> windowCodec;
    protected final WindowFunctionRunner functions;
    protected final WindowAssigner.Context assignerContext = this::currentProcessingTime;
    protected KeyedStateManager keyedState;
    protected InternalTimerService<Window> timers;
    private final KeySelector<Object, Object> keySelector;
    private final ResultCollector collector = new ResultCollector();
    private WindowProcessContext processContext;
    private long lateRecordsDropped;

    @SuppressWarnings("unchecked")
    protected AbstractWindowOperator(WindowDefinition definition) {
        this.definition = definition;
        this.assigner = definition.assigner();
        this.eventTime = assigner.isEventTime();
        this.allowedLateness = definition.allowedLateness();
        this.windowCodec = (Codec<Window>) (Codec<?>) assigner.windowCodec();
        this.functions = new WindowFunctionRunner(definition.function());
        this.keySelector = definition.keySelector();
    }

    @Override
    protected final void doOpen() throws Exception {
        keyedState = context.requireKeyedState();
        timers = keyedState.timerService(TIMER_SERVICE, windowCodec, new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<Window> timer) {
                fireTimer(timer, true);
            }

            @Override
            public void onProcessingTime(InternalTimer<Window> timer) {
                fireTimer(timer, false);
            }
        });
        if (functions.processFunction() != null) {
            processContext = new WindowProcessContext(functions.processFunction(), this, keyedState, windowCodec,
                    definition.merging());
        }
        openState();
        functions.open(context);
    }

    /** Creates the operator's state handles (the keyed state manager is set). */
    protected abstract void openState();

    @Override
    protected final void doClose() throws Exception {
        functions.close();
    }

    @Override
    public final void processRecord(Object value, long timestamp) {
        recordsIn++;
        Object key;
        try {
            key = keySelector.getKey(value);
        } catch (Exception e) {
            throw fail("key selector failed", e);
        }
        if (key == null) {
            throw fail("key selector failed", new NullPointerException("the key selector returned null for " + value));
        }
        if (needsCurrentKeyPerRecord()) {
            keyedState.setCurrentKey(key);
        }
        try {
            processElement(key, value, timestamp);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("window processing failed", e);
        }
    }

    /**
     * {@code true} (the default) when each record's key must be made the keyed state's current key before
     * {@link #processElement}; an operator that keeps its own per-key tables answers {@code false} and
     * sets the key itself where it uses keyed state.
     */
    protected boolean needsCurrentKeyPerRecord() {
        return true;
    }

    /**
     * The time a record is placed by: its timestamp in event time (a record without one fails, through the
     * assigner's own check), the clock in processing time.
     */
    protected final long elementTime(Object value, long timestamp) {
        if (!eventTime) {
            return currentProcessingTime();
        }
        if (timestamp == Long.MIN_VALUE) {
            assigner.assignWindows(value, timestamp, assignerContext); // throws: no timestamp
        }
        return timestamp;
    }

    /** Processes one record of {@code key} (the current key, unless {@link #needsCurrentKeyPerRecord} says otherwise). */
    protected abstract void processElement(Object key, Object value, long timestamp) throws Exception;

    /** A timer of {@code window} for {@code time} fired; the timer's key is the current key. */
    protected abstract void onTimer(Object key, Window window, long time, boolean eventTimeTimer) throws Exception;

    private void fireTimer(InternalTimer<Window> timer, boolean eventTimeTimer) {
        try {
            onTimer(timer.key(), timer.namespace(), timer.timestamp(), eventTimeTimer);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("window timer failed", e);
        }
    }

    /** Fires due event-time timers (window results), then forwards the watermark, as Flink does. */
    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
        keyedState.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public boolean usesProcessingTime() {
        return true;
    }

    /**
     * Fires the processing-time timers the clock has passed: a timer for {@code t} fires once
     * {@code now > t}, as Flink's processing-time service does (FLINK-9857), because a record arriving at
     * {@code t} still belongs to the window whose last millisecond is {@code t}.
     */
    @Override
    public void onProcessingTime(long now) {
        if (now != Long.MIN_VALUE) {
            keyedState.advanceProcessingTime(now - 1);
        }
    }

    /** Records that were too late for every window and had no late-data side output to go to. */
    @Override
    public long lateRecordsDropped() {
        return numLateRecordsDropped();
    }

    public long numLateRecordsDropped() {
        return lateRecordsDropped;
    }

    /** The definition this operator runs. */
    public WindowDefinition definition() {
        return definition;
    }

    /** The job's codec registry, for state codecs. */
    protected final CodecRegistry codecs() {
        return context.codecs();
    }

    /** The event time the operator is at: the last watermark (an operator may keep it from falling back). */
    protected long currentWatermark() {
        return timers.currentWatermark();
    }

    final long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    /**
     * When the window's state is removed: {@code maxTimestamp + allowedLateness} in event time
     * ({@code Long.MAX_VALUE} on overflow: never), {@code maxTimestamp} in processing time.
     */
    protected final long cleanupTime(Window window) {
        return cleanupTime(window.maxTimestamp());
    }

    /** {@link #cleanupTime(Window)} of a window whose last millisecond is {@code maxTimestamp} (no window object needed). */
    protected final long cleanupTime(long maxTimestamp) {
        if (eventTime) {
            long cleanupTime = maxTimestamp + allowedLateness;
            return cleanupTime >= maxTimestamp ? cleanupTime : Long.MAX_VALUE;
        }
        return maxTimestamp;
    }

    /** An event-time window whose cleanup time the watermark reached takes no more records. */
    protected final boolean isWindowLate(Window window) {
        return isWindowLate(window.maxTimestamp());
    }

    /** {@link #isWindowLate(Window)} by the window's last millisecond, for per-record checks that allocate nothing. */
    protected final boolean isWindowLate(long maxTimestamp) {
        return eventTime && cleanupTime(maxTimestamp) <= currentWatermark();
    }

    /** A record is late when its timestamp plus the allowed lateness is at or behind the watermark. */
    protected final boolean isElementLate(long timestamp) {
        return eventTime && timestamp + allowedLateness <= currentWatermark();
    }

    /** Registers the timer that removes {@code window} (none when the window never expires). */
    protected final void registerCleanupTimer(Window window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.registerEventTimeTimer(window, time);
        } else {
            timers.registerProcessingTimeTimer(window, time);
        }
    }

    /** Deletes the cleanup timer of {@code window}. */
    protected final void deleteCleanupTimer(Window window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(window, time);
        } else {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    /** {@code true} when {@code time} is the cleanup time of {@code window} (and the timer's kind matches). */
    protected final boolean isCleanupTime(Window window, long time, boolean eventTimeTimer) {
        return eventTimeTimer == eventTime && time == cleanupTime(window);
    }

    /** A record no window took: to the late-data side output if set, else counted as dropped. */
    protected final void handleSkippedRecord(Object value, long timestamp) {
        if (!isElementLate(timestamp)) {
            return;
        }
        OutputTag<Object> tag = definition.lateDataTag();
        if (tag != null) {
            emitSideOutput(tag, value, timestamp);
        } else {
            lateRecordsDropped++;
        }
    }

    /** Evaluates {@code window} of {@code key} over its stored {@code contents}; results carry {@code maxTimestamp()}. */
    protected final void emitWindow(Object key, Window window, Object contents) throws Exception {
        collector.timestamp = window.maxTimestamp();
        functions.emit(key, contents, processContext == null ? null : processContext.at(window), collector);
    }

    /** Lets the process window function clear the per-window state of {@code window}. */
    protected final void clearWindowFunction(Window window) throws Exception {
        if (processContext != null) {
            functions.clear(processContext.at(window));
        }
    }

    final <X> void emitSideOutput(OutputTag<X> tag, X value, long timestamp) {
        if (value == null) {
            throw new NullPointerException("side output '" + tag.id() + "' got null");
        }
        recordsOut++;
        context.sideOutput(tag).emit(value, timestamp);
    }

    /** Emits results with the timestamp of the window being evaluated. */
    private final class ResultCollector implements Collector<Object> {
        long timestamp;

        @Override
        public void collect(Object record) {
            emitRecord(record, timestamp);
        }
    }
}
