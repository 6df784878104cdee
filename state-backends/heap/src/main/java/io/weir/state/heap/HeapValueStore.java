package io.weir.state.heap;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;

import java.util.Objects;

/** A {@link ValueStore} keeping the value objects themselves. */
final class HeapValueStore<N, V> implements ValueStore<N, V> {
    private final ValueStoreSpec<N, V> spec;
    private final StateTable table;

    HeapValueStore(HeapKeyedStateBackend backend, ValueStoreSpec<N, V> spec) {
        this.spec = spec;
        this.table = new StateTable(backend, spec.name());
    }

    @Override
    public ValueStoreSpec<N, V> spec() {
        return spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(N namespace) {
        StateEntry e = table.find(namespace);
        return e == null ? null : (V) e.value;
    }

    @Override
    public void put(N namespace, V value) {
        if (value == null) {
            throw new NullPointerException("store '" + spec.name() + "': a value store holds no null value (use clear)");
        }
        table.findOrCreate(namespace).value = value;
    }

    @Override
    public void clear(N namespace) {
        table.remove(namespace);
    }

    @Override
    public EntryCursor<N, V> cursor(int keyGroup) {
        return TableCursor.<N, V>of(table, keyGroup, v -> v);
    }

    StateTable table() {
        return table;
    }
}
