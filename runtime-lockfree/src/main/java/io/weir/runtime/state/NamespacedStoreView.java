package io.weir.runtime.state;

import io.weir.api.codec.Codec;
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
import java.util.function.Supplier;

/**
 * A {@link KeyedStateStore} whose handles address (current key, the namespace the supplier gives at
 * each access): the per-window state of {@code ProcessWindowFunction.Context.windowState()}.
 */
final class NamespacedStoreView implements KeyedStateStore {
    private final KeyedStateManager manager;
    private final Supplier<Object> namespace;
    private final Codec<?> namespaceCodec;
    private final Map<String, State> handles = new HashMap<>();

    NamespacedStoreView(KeyedStateManager manager, Supplier<Object> namespace, Codec<?> namespaceCodec) {
        this.manager = manager;
        this.namespace = namespace;
        this.namespaceCodec = namespaceCodec;
    }

    private State handle(StateDescriptor<?> descriptor) {
        RegisteredState registered = manager.register(descriptor, namespaceCodec);
        State handle = handles.get(descriptor.name());
        if (handle == null) {
            handle = registered.newHandle(manager, null, namespace);
            handles.put(descriptor.name(), handle);
        }
        return handle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return (ValueState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return (ListState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return (MapState<K, V>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return (ReducingState<T>) handle(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return (AggregatingState<IN, OUT>) handle(descriptor);
    }
}
