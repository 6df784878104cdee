package io.weir.runtime.operators;

import io.weir.api.datastream.OutputTag;
import io.weir.api.datastream.TaggedUnion;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.timers.InternalTimer;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.runtime.timers.Triggerable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interval join with Flink's semantics ({@code IntervalJoinOperator}), over a keyed union of
 * {@link TaggedUnion} records. Each side is buffered in map state by timestamp; a new record joins the
 * other side's buffered records whose timestamps fall in its interval; a record behind the current
 * watermark is late and dropped (counted); buffered records are removed by an event-time cleanup timer
 * once no future record of the other side can join them. Output timestamp: the larger of the pair's.
 */
public final class IntervalJoinOperator extends UdfOperator<ProcessJoinFunction<Object, Object, Object>>
        implements Triggerable<IntervalJoinOperator.Side>, Collector<Object>, KeyAware {

    /** Timer namespace: which buffer a cleanup timer is for. */
    public enum Side { LEFT, RIGHT }

    private final KeySelector<Object, Object> keySelector;
    private final long lower;
    private final long upper;
    private final Ctx ctx = new Ctx();
    private KeyedStateManager state;
    private InternalTimerService<Side> timers;
    private MapState<Long, List<Object>> leftBuffer;
    private MapState<Long, List<Object>> rightBuffer;
    private long leftTs;
    private long rightTs;
    private long lateRecordsDropped;

    @SuppressWarnings("unchecked")
    public IntervalJoinOperator(KeySelector<?, ?> keySelector, long lower, long upper, ProcessJoinFunction<?, ?, ?> function) {
        super((ProcessJoinFunction<Object, Object, Object>) function);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void doOpen() throws Exception {
        state = context.requireKeyedState();
        leftBuffer = (MapState) state.getMapState(new MapStateDescriptor<>("interval-join-left", Long.class, List.class));
        rightBuffer = (MapState) state.getMapState(new MapStateDescriptor<>("interval-join-right", Long.class, List.class));
        timers = state.timerService("interval-join-cleanup", context.codecs().codecFor(Side.class), this);
        super.doOpen();
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        TaggedUnion<?, ?> union = (TaggedUnion<?, ?>) value;
        if (timestamp == StreamElement.NO_TIMESTAMP) {
            throw fail("interval join failed", new IllegalArgumentException(
                    "interval joins need event timestamps: assign them with a WatermarkStrategy before the join"));
        }
        if (currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark) {
            lateRecordsDropped++;
            return;
        }
        try {
            state.setCurrentKey(keySelector.getKey(union));
            if (union.isLeft()) {
                process(union.one(), timestamp, leftBuffer, rightBuffer, lower, upper, true);
            } else {
                process(union.two(), timestamp, rightBuffer, leftBuffer, -upper, -lower, false);
            }
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("interval join function failed", e);
        }
    }

    private void process(Object ours, long ourTs, MapState<Long, List<Object>> ourBuffer,
                         MapState<Long, List<Object>> otherBuffer, long relativeLower, long relativeUpper,
                         boolean isLeft) throws Exception {
        List<Object> bucket = ourBuffer.get(ourTs);
        List<Object> updated = bucket == null ? new ArrayList<>(1) : new ArrayList<>(bucket);
        updated.add(ours);
        ourBuffer.put(ourTs, updated);
        for (Map.Entry<Long, List<Object>> entry : otherBuffer.entries()) {
            long otherTs = entry.getKey();
            if (otherTs < ourTs + relativeLower || otherTs > ourTs + relativeUpper) {
                continue;
            }
            for (Object other : entry.getValue()) {
                if (isLeft) {
                    join(ours, other, ourTs, otherTs);
                } else {
                    join(other, ours, otherTs, ourTs);
                }
            }
        }
        long cleanupTime = relativeUpper > 0 ? ourTs + relativeUpper : ourTs;
        timers.registerEventTimeTimer(isLeft ? Side.LEFT : Side.RIGHT, cleanupTime);
    }

    private void join(Object left, Object right, long leftTimestamp, long rightTimestamp) throws Exception {
        this.leftTs = leftTimestamp;
        this.rightTs = rightTimestamp;
        function.processElement(left, right, ctx, this);
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
        state.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(InternalTimer<Side> timer) {
        long t = timer.timestamp();
        try {
            if (timer.namespace() == Side.LEFT) {
                leftBuffer.remove(upper <= 0 ? t : t - upper);
            } else {
                rightBuffer.remove(lower <= 0 ? t + lower : t);
            }
        } catch (Exception e) {
            throw fail("interval join cleanup failed", e);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Side> timer) {
        throw new IllegalStateException("interval joins register no processing-time timers");
    }

    @Override
    public void collect(Object record) {
        emitRecord(record, Math.max(leftTs, rightTs));
    }

    /** Records dropped because they arrived behind the watermark. */
    @Override
    public long lateRecordsDropped() {
        return lateRecordsDropped;
    }

    private final class Ctx implements ProcessJoinFunction.Context {
        @Override
        public long leftTimestamp() {
            return leftTs;
        }

        @Override
        public long rightTimestamp() {
            return rightTs;
        }

        @Override
        public long timestamp() {
            return Math.max(leftTs, rightTs);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            recordsOut++;
            context.sideOutput(tag).emit(value, Math.max(leftTs, rightTs));
        }
    }
}
