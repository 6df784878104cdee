package io.weir.runtime.operators;

import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.state.VoidNamespace;
import io.weir.runtime.timers.InternalTimer;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.runtime.timers.Triggerable;

/**
 * Runs a {@link KeyedProcessFunction}, as Flink's {@code KeyedProcessOperator}: sets the record's key as
 * the current key (so state handles see that key), fires event-time timers when the watermark passes
 * them and processing-time timers when the job's clock does, with the timer's key as the current key.
 * Records emitted from an event-time timer carry the timer's timestamp; from a processing-time timer,
 * none.
 */
public final class KeyedProcessOperator extends UdfOperator<KeyedProcessFunction<Object, Object, Object>>
        implements Triggerable<VoidNamespace>, Collector<Object>, KeyAware {
    private final KeySelector<Object, Object> keySelector;
    private final Ctx ctx = new Ctx();
    private KeyedStateManager state;
    private InternalTimerService<VoidNamespace> timers;
    private long timestamp = StreamElement.NO_TIMESTAMP;
    private long contextTimestamp = StreamElement.NO_TIMESTAMP;
    private TimeDomain timeDomain;

    @SuppressWarnings("unchecked")
    public KeyedProcessOperator(KeySelector<?, ?> keySelector, KeyedProcessFunction<?, ?, ?> function) {
        super((KeyedProcessFunction<Object, Object, Object>) function);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
    }

    @Override
    protected void doOpen() throws Exception {
        state = context.requireKeyedState();
        timers = state.timerService("user-timers", VoidNamespace.codec(), this);
        super.doOpen();
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        try {
            state.setCurrentKey(keySelector.getKey(value));
            this.timestamp = timestamp;
            this.contextTimestamp = timestamp;
            this.timeDomain = null;
            function.processElement(value, ctx, this);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("keyed process function failed", e);
        }
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
        state.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public boolean usesProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long now) {
        // as Flink (FLINK-9857): a processing-time timer for t fires once the clock is past t
        if (state.nextProcessingTimeTimer() < now) {
            state.advanceProcessingTime(now - 1);
        }
    }

    @Override
    public void onEventTime(InternalTimer<VoidNamespace> timer) {
        fire(timer, TimeDomain.EVENT_TIME, timer.timestamp());
    }

    @Override
    public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
        fire(timer, TimeDomain.PROCESSING_TIME, StreamElement.NO_TIMESTAMP);
    }

    private void fire(InternalTimer<VoidNamespace> timer, TimeDomain domain, long outputTimestamp) {
        this.timestamp = outputTimestamp;
        this.contextTimestamp = timer.timestamp();
        this.timeDomain = domain;
        try {
            function.onTimer(timer.timestamp(), ctx, this);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("onTimer failed", e);
        }
    }

    @Override
    public void collect(Object record) {
        emitRecord(record, timestamp);
    }

    private final class Ctx implements KeyedProcessFunction.OnTimerContext<Object>, TimerService {
        @Override
        public Long timestamp() {
            return userTimestamp(contextTimestamp);
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            if (value == null) {
                throw new NullPointerException("side output '" + tag.id() + "' got null");
            }
            recordsOut++;
            context.sideOutput(tag).emit(value, timestamp);
        }

        @Override
        public Object getCurrentKey() {
            return state.currentKey();
        }

        @Override
        public TimeDomain timeDomain() {
            if (timeDomain == null) {
                throw new IllegalStateException("timeDomain() is only available in onTimer");
            }
            return timeDomain;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().getAsLong();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
        }
    }
}
