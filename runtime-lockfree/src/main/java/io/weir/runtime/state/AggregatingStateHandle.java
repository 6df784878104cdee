package io.weir.runtime.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.spi.state.ValueStore;

import java.util.Collection;
import java.util.function.Supplier;

/** {@link AggregatingState} over a {@link ValueStore} of accumulators: get, add, put. */
final class AggregatingStateHandle<N, IN, ACC, OUT> extends AbstractStateHandle<N> implements AggregatingState<IN, OUT> {
    private final ValueStore<N, ACC> store;
    private final AggregateFunction<IN, ACC, OUT> function;

    AggregatingStateHandle(KeyedStateManager manager, String name, ValueStore<N, ACC> store,
                           AggregateFunction<IN, ACC, OUT> function, N namespace, Supplier<N> supplier) {
        super(manager, name, namespace, supplier);
        this.store = store;
        this.function = function;
    }

    @Override
    public OUT get() {
        ACC accumulator = store.get(namespace());
        return accumulator == null ? null : function.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        N n = namespace();
        if (value == null) {
            store.clear(n);
            return;
        }
        ACC accumulator = store.get(n);
        if (accumulator == null) {
            accumulator = function.createAccumulator();
        }
        store.put(n, requireAccumulator(function.add(value, accumulator), "add"));
    }

    @Override
    public void clear() {
        store.clear(namespace());
    }

    @Override
    void mergeNamespaces(N target, Collection<N> sources) {
        requireKey();
        ACC merged = null;
        for (N source : sources) {
            ACC accumulator = store.get(source);
            if (accumulator != null) {
                store.clear(source);
                merged = merged == null ? accumulator : requireAccumulator(function.merge(merged, accumulator), "merge");
            }
        }
        if (merged != null) {
            ACC current = store.get(target);
            store.put(target, current == null ? merged : requireAccumulator(function.merge(current, merged), "merge"));
        }
    }

    private ACC requireAccumulator(ACC accumulator, String method) {
        if (accumulator == null) {
            throw new NullPointerException("aggregating state '" + name + "': AggregateFunction." + method
                    + " returned null");
        }
        return accumulator;
    }
}
