package io.weir.api.windowing.triggers;

import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.triggers.Trigger.OnMergeContext;
import io.weir.api.windowing.triggers.Trigger.TriggerContext;

/**
 * The periodic fire time that {@link ContinuousEventTimeTrigger} and {@link ContinuousProcessingTimeTrigger}
 * keep, as Flink's continuous triggers do: trigger state "fire-time" holds the next fire time (the minimum
 * wins when windows merge), with a timer for it in one time domain. The first fire time is a time rounded
 * down to the interval plus the interval, each later one an interval after the previous, never past the
 * window's {@code maxTimestamp()}.
 *
 * <p>Thread safety: immutable; the state it touches belongs to the context, used by one task thread.
 */
final class ContinuousFireTime {
    private final long interval;
    private final boolean eventTime;
    private final ReducingStateDescriptor<Long> descriptor =
            new ReducingStateDescriptor<>("fire-time", Math::min, Long.class);

    /**
     * @param trigger   the trigger's name, for the error on a bad interval
     * @param interval  the interval in milliseconds (positive)
     * @param eventTime {@code true} for event-time timers, {@code false} for processing-time timers
     */
    ContinuousFireTime(String trigger, long interval, boolean eventTime) {
        if (interval <= 0) {
            throw new IllegalArgumentException(trigger + " needs a positive interval, got " + interval + " ms");
        }
        this.interval = interval;
        this.eventTime = eventTime;
    }

    long interval() {
        return interval;
    }

    /**
     * Schedules the first fire time of {@code window} unless one is scheduled: after the record's
     * {@code timestamp} in event time, after the current processing time otherwise.
     */
    void scheduleFirst(long timestamp, Window window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        if (fireTime.get() == null) {
            long time = eventTime ? timestamp : ctx.currentProcessingTime();
            scheduleNext(time - (time % interval), window, ctx, fireTime);
        }
    }

    /** {@code true} when {@code time} is the scheduled fire time; then the next one is scheduled. */
    boolean fireAt(long time, Window window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            scheduleNext(time, window, ctx, fireTime);
            return true;
        }
        return false;
    }

    /** Merges the fire times of the merged windows (the earliest wins) and sets a timer for it. */
    void merge(OnMergeContext ctx) {
        ctx.mergePartitionedState(descriptor);
        Long next = ctx.getPartitionedState(descriptor).get();
        if (next != null) {
            register(next, ctx);
        }
    }

    /** Deletes the pending fire time's timer and the state. */
    void clear(TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        Long next = fireTime.get();
        if (next != null) {
            if (eventTime) {
                ctx.deleteEventTimeTimer(next);
            } else {
                ctx.deleteProcessingTimeTimer(next);
            }
            fireTime.clear();
        }
    }

    private void scheduleNext(long time, Window window, TriggerContext ctx, ReducingState<Long> fireTime) {
        long next = Math.min(time + interval, window.maxTimestamp());
        fireTime.add(next);
        register(next, ctx);
    }

    private void register(long time, TriggerContext ctx) {
        if (eventTime) {
            ctx.registerEventTimeTimer(time);
        } else {
            ctx.registerProcessingTimeTimer(time);
        }
    }
}
