package io.weir.runtime.state;

import io.weir.api.state.ListState;
import io.weir.spi.state.ListStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** {@link ListState} over a {@link ListStore}; namespaces merge by concatenation. */
final class ListStateHandle<N, T> extends AbstractStateHandle<N> implements ListState<T> {
    private final ListStore<N, T> store;

    ListStateHandle(KeyedStateManager manager, String name, ListStore<N, T> store, N namespace, Supplier<N> supplier) {
        super(manager, name, namespace, supplier);
        this.store = store;
    }

    @Override
    public Iterable<T> get() {
        List<T> list = store.get(namespace());
        return list == null ? List.of() : list;
    }

    @Override
    public void add(T value) {
        N n = namespace();
        if (value == null) {
            throw new NullPointerException("list state '" + name + "': elements must not be null");
        }
        store.add(n, value);
    }

    @Override
    public void update(List<T> values) {
        N n = namespace();
        if (values == null || values.isEmpty()) {
            store.clear(n);
        } else {
            store.update(n, values);
        }
    }

    @Override
    public void addAll(List<T> values) {
        N n = namespace();
        if (values != null && !values.isEmpty()) {
            store.addAll(n, values);
        }
    }

    @Override
    public void clear() {
        store.clear(namespace());
    }

    @Override
    void mergeNamespaces(N target, Collection<N> sources) {
        requireKey();
        List<T> merged = null;
        for (N source : sources) {
            List<T> list = store.get(source);
            if (list != null) {
                if (merged == null) {
                    merged = new ArrayList<>(list);
                } else {
                    merged.addAll(list);
                }
                store.clear(source);
            }
        }
        if (merged != null) {
            store.addAll(target, merged);
        }
    }
}
