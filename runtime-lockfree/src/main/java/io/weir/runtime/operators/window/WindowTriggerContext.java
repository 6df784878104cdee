package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.state.AppendingState;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.state.NamespacedState;
import io.weir.runtime.timers.InternalTimerService;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the trigger for one window at a time (Flink's {@code WindowOperator.Context}): the trigger's
 * timers are the operator's timers in the window's namespace, its partitioned state is keyed state in
 * the window's namespace, and when windows merge its state is merged into the merge result.
 */
final class WindowTriggerContext implements Trigger.OnMergeContext {
    private final Trigger<Object, Window> trigger;
    private final KeyedStateManager keyedState;
    private final InternalTimerService<Window> timers;
    private final Codec<Window> windowCodec;
    private final Map<StateDescriptor<?>, NamespacedState<Window, ?>> states = new HashMap<>();
    private Window window;
    private Collection<Window> mergedWindows = List.of();

    WindowTriggerContext(Trigger<Object, Window> trigger, KeyedStateManager keyedState,
                         InternalTimerService<Window> timers, Codec<Window> windowCodec) {
        this.trigger = trigger;
        this.keyedState = keyedState;
        this.timers = timers;
        this.windowCodec = windowCodec;
    }

    /** Points the context at {@code window} (of the current key). */
    WindowTriggerContext at(Window window) {
        this.window = window;
        return this;
    }

    TriggerResult onElement(Object value, long timestamp) throws Exception {
        return trigger.onElement(value, timestamp, window, this);
    }

    TriggerResult onEventTime(long time) throws Exception {
        return trigger.onEventTime(time, window, this);
    }

    TriggerResult onProcessingTime(long time) throws Exception {
        return trigger.onProcessingTime(time, window, this);
    }

    /** {@code merged} were merged into the current window. */
    void onMerge(Collection<Window> merged) throws Exception {
        this.mergedWindows = merged;
        try {
            trigger.onMerge(window, this);
        } finally {
            this.mergedWindows = List.of();
        }
    }

    void clear() throws Exception {
        trigger.clear(window, this);
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(window, time);
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S> descriptor) {
        NamespacedState<Window, S> state = namespaced(descriptor);
        state.setNamespace(window);
        return state.state();
    }

    @Override
    public void mergePartitionedState(StateDescriptor<? extends AppendingState<?, ?>> descriptor) {
        if (!mergedWindows.isEmpty()) {
            namespaced(descriptor).mergeNamespaces(window, mergedWindows);
        }
    }

    @SuppressWarnings("unchecked")
    private <S extends State> NamespacedState<Window, S> namespaced(StateDescriptor<S> descriptor) {
        return (NamespacedState<Window, S>) states.computeIfAbsent(descriptor,
                d -> keyedState.namespacedState(descriptor, windowCodec));
    }
}
