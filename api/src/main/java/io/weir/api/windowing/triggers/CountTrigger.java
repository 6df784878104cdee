package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Window;

/**
 * Fires every {@code maxCount} records added to a window, as Flink's {@code CountTrigger}: the count is
 * per key and window (trigger state "count"), reset at each fire; merged windows add their counts. It
 * registers no timers, so with time windows the window is evaluated only by count (and cleaned up at
 * its cleanup time). Wrap it in {@link PurgingTrigger} to drop the contents at each fire.
 *
 * @param <W> window type
 */
@Evolving
public final class CountTrigger<W extends Window> implements Trigger<Object, W> {
    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor =
            new ReducingStateDescriptor<>("count", Long::sum, Long.class);

    private CountTrigger(long maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("CountTrigger needs a positive count, got " + maxCount);
        }
        this.maxCount = maxCount;
    }

    /** Fires every {@code maxCount} records (positive). */
    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        return new CountTrigger<>(maxCount);
    }

    /** The number of records per fire. */
    public long maxCount() {
        return maxCount;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
