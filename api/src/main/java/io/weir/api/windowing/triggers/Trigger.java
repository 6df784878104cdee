package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.state.AppendingState;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.Window;

/**
 * Decides when a window fires and purges, as Flink's {@code Trigger}. The operator calls it for every
 * record added to a window ({@link #onElement}) and for every timer the trigger registered through its
 * context ({@link #onEventTime}, {@link #onProcessingTime}); the returned {@link TriggerResult} says
 * what to do with the window.
 *
 * <p>A trigger object is shared by every key and window of a subtask: it keeps nothing in fields.
 * Per-window state goes in {@link TriggerContext#getPartitionedState}, timers in the context's
 * timer methods; {@link #clear} must remove both when the window is cleaned up. Timers are per key
 * and window: registering the same time twice keeps one timer.
 *
 * <h2>Thread safety</h2>
 * Called only from the subtask's thread, with the record's key as the current key.
 *
 * @param <T> record type
 * @param <W> window type
 */
@Evolving
public interface Trigger<T, W extends Window> {

    /** {@code element} with timestamp {@code timestamp} was added to {@code window}. */
    TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** A processing-time timer of {@code window} for {@code time} fired. */
    TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** An event-time timer of {@code window} for {@code time} fired (the watermark reached it). */
    TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** {@code true} when this trigger supports merging windows ({@link #onMerge}); needed by session windows. */
    default boolean canMerge() {
        return false;
    }

    /**
     * Windows were merged into {@code window}: merge their trigger state
     * ({@link OnMergeContext#mergePartitionedState}) and register the timers {@code window} needs.
     * The timers of the merged windows are removed by {@link #clear} afterwards.
     */
    default void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException("trigger " + this + " does not support merging windows");
    }

    /** {@code window} is removed: delete its timers and its partitioned state. */
    void clear(W window, TriggerContext ctx) throws Exception;

    /**
     * What a trigger may do for the window it is called about (timers and state are scoped to the
     * current key and that window). Valid only during the call.
     */
    interface TriggerContext {

        /** The current processing time in epoch milliseconds. */
        long currentProcessingTime();

        /** The current event-time watermark ({@code Long.MIN_VALUE} before the first). */
        long currentWatermark();

        /** Calls {@link #onProcessingTime} when processing time reaches {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link #onEventTime} when the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        /** Deletes a processing-time timer (no effect if there is none). */
        void deleteProcessingTimeTimer(long time);

        /** Deletes an event-time timer (no effect if there is none). */
        void deleteEventTimeTimer(long time);

        /** State of this trigger scoped to the current key and window. */
        <S extends State> S getPartitionedState(StateDescriptor<S> stateDescriptor);
    }

    /** The context of {@link #onMerge}: also merges partitioned state of the merged windows. */
    interface OnMergeContext extends TriggerContext {

        /**
         * Merges the state named by {@code stateDescriptor} of every merged window into the state of the
         * merge result (list, reducing or aggregating state).
         */
        void mergePartitionedState(StateDescriptor<? extends AppendingState<?, ?>> stateDescriptor);
    }
}
