package io.weir.runtime.state;

import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link KeyedStateStore} that makes one handle per state name and gives it out again on every later
 * request: each request registers the state first ({@link #register}, which checks the descriptor
 * against the state of that name), so that a request for a name used by another kind of state throws
 * whether or not a handle exists. What the handles address is the subclass's choice ({@link #newHandle}).
 *
 * <p>Thread safety: single-threaded, as {@link KeyedStateManager}.
 */
abstract sealed class HandleCachingStore implements KeyedStateStore permits KeyedStateManager, NamespacedStoreView {
    private final Map<String, State> handles = new HashMap<>();

    /** The registered state named by {@code descriptor}, declared on first use, checked against it on later ones. */
    abstract RegisteredState register(StateDescriptor<?> descriptor);

    /** A new handle over {@code registered}'s store. */
    abstract State newHandle(RegisteredState registered);

    /** Forgets every handle (on close). */
    final void clearHandles() {
        handles.clear();
    }

    private State handle(StateDescriptor<?> descriptor) {
        RegisteredState registered = register(descriptor);
        State handle = handles.get(descriptor.name());
        if (handle == null) {
            handle = newHandle(registered);
            handles.put(descriptor.name(), handle);
        }
        return handle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return (ValueState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return (ListState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return (MapState<K, V>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return (ReducingState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return (AggregatingState<IN, OUT>) handle(descriptor);
    }
}
