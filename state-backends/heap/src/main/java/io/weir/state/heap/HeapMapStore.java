package io.weir.state.heap;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.MapStoreSpec;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A {@link MapStore} keeping one {@code HashMap} per (key, namespace); an emptied map is removed. */
final class HeapMapStore<N, K, V> implements MapStore<N, K, V> {
    private final MapStoreSpec<N, K, V> spec;
    private final StateTable table;
    private final HeapKeyedStateBackend backend;

    HeapMapStore(HeapKeyedStateBackend backend, MapStoreSpec<N, K, V> spec) {
        this.spec = spec;
        this.backend = backend;
        this.table = new StateTable(backend, spec.name());
    }

    @Override
    public MapStoreSpec<N, K, V> spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    private HashMap<K, V> map(N namespace) {
        StateEntry e = table.find(namespace);
        return e == null ? null : (HashMap<K, V>) e.value;
    }

    @Override
    public V get(N namespace, K mapKey) {
        HashMap<K, V> map = map(namespace);
        return map == null ? null : map.get(mapKey);
    }

    @Override
    public boolean contains(N namespace, K mapKey) {
        HashMap<K, V> map = map(namespace);
        return map != null && map.containsKey(mapKey);
    }

    @Override
    public void put(N namespace, K mapKey, V value) {
        requireKey(mapKey);
        created(table.findOrCreate(namespace)).put(mapKey, value);
    }

    @Override
    public void putAll(N namespace, Map<K, V> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (K k : entries.keySet()) {
            requireKey(k);
        }
        created(table.findOrCreate(namespace)).putAll(entries);
    }

    @Override
    public void remove(N namespace, K mapKey) {
        HashMap<K, V> map = map(namespace);
        if (map != null) {
            map.remove(mapKey);
            if (map.isEmpty()) {
                table.remove(namespace);
            }
        }
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator(N namespace) {
        StateEntry entry = table.find(namespace);
        if (entry == null) {
            return Collections.emptyIterator();
        }
        @SuppressWarnings("unchecked")
        HashMap<K, V> map = (HashMap<K, V>) entry.value;
        return new RemovingIterator<>(map, entry, backend.currentKeyGroup(), table);
    }

    @Override
    public boolean isEmpty(N namespace) {
        HashMap<K, V> map = map(namespace);
        return map == null || map.isEmpty();
    }

    @Override
    public void clear(N namespace) {
        table.remove(namespace);
    }

    @Override
    public EntryCursor<N, Map<K, V>> cursor(int keyGroup) {
        return TableCursor.<N, Map<K, V>>of(table, keyGroup, map -> {
            map.keySet().forEach(this::requireKey);
            return map.isEmpty() ? null : new HashMap<>(map);
        });
    }

    @SuppressWarnings("unchecked")
    private static <K, V> HashMap<K, V> created(StateEntry entry) {
        HashMap<K, V> map = (HashMap<K, V>) entry.value;
        if (map == null) {
            map = new HashMap<>();
            entry.value = map;
        }
        return map;
    }

    private void requireKey(K mapKey) {
        if (mapKey == null) {
            throw new NullPointerException("store '" + spec.name() + "': map keys must not be null");
        }
    }

    StateTable table() {
        return table;
    }

    /** The map's own iterator; removing its last entry removes the store entry. */
    private static final class RemovingIterator<K, V> implements Iterator<Map.Entry<K, V>> {
        private final HashMap<K, V> map;
        private final Iterator<Map.Entry<K, V>> delegate;
        private final StateEntry entry;
        private final int keyGroup;
        private final StateTable table;

        RemovingIterator(HashMap<K, V> map, StateEntry entry, int keyGroup, StateTable table) {
            this.map = map;
            this.delegate = map.entrySet().iterator();
            this.entry = entry;
            this.keyGroup = keyGroup;
            this.table = table;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Map.Entry<K, V> next() {
            return delegate.next();
        }

        @Override
        public void remove() {
            delegate.remove();
            if (map.isEmpty()) {
                table.remove(entry, keyGroup);
            }
        }
    }
}
