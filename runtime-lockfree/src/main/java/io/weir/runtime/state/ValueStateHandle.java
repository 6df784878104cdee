package io.weir.runtime.state;

import io.weir.api.state.ValueState;
import io.weir.spi.state.ValueStore;

import java.util.function.Supplier;

/** {@link ValueState} over a {@link ValueStore}. */
final class ValueStateHandle<N, T> extends AbstractStateHandle<N> implements ValueState<T> {
    private final ValueStore<N, T> store;

    ValueStateHandle(KeyedStateManager manager, String name, ValueStore<N, T> store, N namespace, Supplier<N> supplier) {
        super(manager, name, namespace, supplier);
        this.store = store;
    }

    @Override
    public T value() {
        return store.get(namespace());
    }

    @Override
    public void update(T value) {
        N n = namespace();
        if (value == null) {
            store.clear(n);
        } else {
            store.put(n, value);
        }
    }

    @Override
    public void clear() {
        store.clear(namespace());
    }
}
