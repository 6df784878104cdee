package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.spi.state.ValueStore;

import java.util.Collection;
import java.util.function.Supplier;

/** {@link ReducingState} over a {@link ValueStore}: get, reduce, put. */
final class ReducingStateHandle<N, T> extends AbstractStateHandle<N> implements ReducingState<T> {
    private final ValueStore<N, T> store;
    private final ReduceFunction<T> function;

    ReducingStateHandle(KeyedStateManager manager, String name, ValueStore<N, T> store, ReduceFunction<T> function,
                        N namespace, Supplier<N> supplier) {
        super(manager, name, namespace, supplier);
        this.store = store;
        this.function = function;
    }

    @Override
    public T get() {
        return store.get(namespace());
    }

    @Override
    public void add(T value) {
        N n = namespace();
        if (value == null) {
            store.clear(n);
            return;
        }
        T current = store.get(n);
        store.put(n, current == null ? value : reduce(current, value));
    }

    @Override
    public void clear() {
        store.clear(namespace());
    }

    @Override
    void mergeNamespaces(N target, Collection<N> sources) {
        requireKey();
        T merged = null;
        for (N source : sources) {
            T value = store.get(source);
            if (value != null) {
                store.clear(source);
                merged = merged == null ? value : reduce(merged, value);
            }
        }
        if (merged != null) {
            T current = store.get(target);
            store.put(target, current == null ? merged : reduce(current, merged));
        }
    }

    private T reduce(T accumulated, T value) {
        T result;
        try {
            result = function.reduce(accumulated, value);
        } catch (Exception e) {
            throw userFailure("the reduce function", e);
        }
        if (result == null) {
            throw new NullPointerException("reducing state '" + name + "': the reduce function returned null");
        }
        return result;
    }
}
