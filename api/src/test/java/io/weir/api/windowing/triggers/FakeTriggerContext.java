package io.weir.api.windowing.triggers;

import io.weir.api.state.AppendingState;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.Window;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A trigger context over plain maps: timers and reducing state per window, a settable clock and watermark. */
final class FakeTriggerContext implements Trigger.OnMergeContext {
    long watermark = Long.MIN_VALUE;
    long processingTime;
    Window window;
    List<? extends Window> mergedWindows = List.of();
    final Map<Window, TreeSet<Long>> eventTimers = new HashMap<>();
    final Map<Window, TreeSet<Long>> processingTimers = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();

    FakeTriggerContext at(Window window) {
        this.window = window;
        return this;
    }

    TreeSet<Long> eventTimers(Window w) {
        return eventTimers.computeIfAbsent(w, k -> new TreeSet<>());
    }

    TreeSet<Long> processingTimers(Window w) {
        return processingTimers.computeIfAbsent(w, k -> new TreeSet<>());
    }

    /** A timer fires: the timer service forgets it before calling the trigger. */
    FakeTriggerContext firedEventTimer(long time) {
        eventTimers(window).remove(time);
        return this;
    }

    FakeTriggerContext firedProcessingTimer(long time) {
        processingTimers(window).remove(time);
        return this;
    }

    boolean hasNoState() {
        return values.isEmpty();
    }

    @Override
    public long currentProcessingTime() {
        return processingTime;
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        processingTimers(window).add(time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        eventTimers(window).add(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        processingTimers(window).remove(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        eventTimers(window).remove(time);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<S> descriptor) {
        if (descriptor instanceof ReducingStateDescriptor<?> r) {
            return (S) reducing((ReducingStateDescriptor<Object>) r, window);
        }
        throw new UnsupportedOperationException(descriptor.toString());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergePartitionedState(StateDescriptor<? extends AppendingState<?, ?>> descriptor) {
        var r = (ReducingStateDescriptor<Object>) descriptor;
        ReducingState<Object> target = reducing(r, window);
        for (Window source : mergedWindows) {
            ReducingState<Object> state = reducing(r, source);
            if (state.get() != null) {
                target.add(state.get());
                state.clear();
            }
        }
    }

    private ReducingState<Object> reducing(ReducingStateDescriptor<Object> descriptor, Window w) {
        String id = descriptor.name() + "@" + w;
        return new ReducingState<>() {
            @Override
            public Object get() {
                return values.get(id);
            }

            @Override
            public void add(Object value) {
                Object current = values.get(id);
                try {
                    values.put(id, current == null ? value : descriptor.reduceFunction().reduce(current, value));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void clear() {
                values.remove(id);
            }
        };
    }
}
