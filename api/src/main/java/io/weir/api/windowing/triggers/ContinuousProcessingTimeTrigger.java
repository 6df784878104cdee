package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Window;

import java.time.Duration;
import java.util.Objects;

/**
 * Fires every {@code interval} of processing time while the window holds records, as Flink's
 * {@code ContinuousProcessingTimeTrigger} (since FLINK-20443): the first fire time is the processing
 * time of the first record rounded down to the interval plus the interval, each later one an interval
 * after the previous, never past the window's {@code maxTimestamp()}. The next fire time is trigger
 * state "fire-time" (the minimum wins when windows merge).
 *
 * @param <W> window type
 */
@Evolving
public final class ContinuousProcessingTimeTrigger<W extends Window> implements Trigger<Object, W> {
    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor =
            new ReducingStateDescriptor<>("fire-time", Math::min, Long.class);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousProcessingTimeTrigger needs a positive interval, got " + interval + " ms");
        }
        this.interval = interval;
    }

    /** Fires every {@code interval} of processing time (positive). */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(Objects.requireNonNull(interval, "interval").toMillis());
    }

    /** The interval in milliseconds. */
    public long interval() {
        return interval;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            long now = ctx.currentProcessingTime();
            registerNextFireTime(now - (now % interval), window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            registerNextFireTime(time, window, ctx, fireTime);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(fireTimeDescriptor);
        Long next = ctx.getPartitionedState(fireTimeDescriptor).get();
        if (next != null) {
            ctx.registerProcessingTimeTimer(next);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null) {
            ctx.deleteProcessingTimeTimer(next);
            fireTime.clear();
        }
    }

    private void registerNextFireTime(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) {
        long next = Math.min(time + interval, window.maxTimestamp());
        fireTime.add(next);
        ctx.registerProcessingTimeTimer(next);
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
