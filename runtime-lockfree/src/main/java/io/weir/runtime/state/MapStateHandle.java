package io.weir.runtime.state;

import io.weir.api.state.MapState;
import io.weir.spi.state.MapStore;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link MapState} over a {@link MapStore}. The iterables address the key and namespace current when
 * they were obtained only if iterated at once; iterate them within the same record or timer.
 */
final class MapStateHandle<N, K, V> extends AbstractStateHandle<N> implements MapState<K, V> {
    private final MapStore<N, K, V> store;

    MapStateHandle(KeyedStateManager manager, String name, MapStore<N, K, V> store, N namespace, Supplier<N> supplier) {
        super(manager, name, namespace, supplier);
        this.store = store;
    }

    @Override
    public V get(K key) {
        return store.get(namespace(), key);
    }

    @Override
    public void put(K key, V value) {
        N n = namespace();
        if (key == null) {
            throw new NullPointerException("map state '" + name + "': map keys must not be null");
        }
        store.put(n, key, value);
    }

    @Override
    public void putAll(Map<K, V> map) {
        N n = namespace();
        if (map != null && !map.isEmpty()) {
            store.putAll(n, map);
        }
    }

    @Override
    public void remove(K key) {
        store.remove(namespace(), key);
    }

    @Override
    public boolean contains(K key) {
        return store.contains(namespace(), key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        N n = namespace();
        return () -> store.iterator(n);
    }

    @Override
    public Iterable<K> keys() {
        N n = namespace();
        return () -> new Projection<>(store.iterator(n), true);
    }

    @Override
    public Iterable<V> values() {
        N n = namespace();
        return () -> new Projection<>(store.iterator(n), false);
    }

    @Override
    public boolean isEmpty() {
        return store.isEmpty(namespace());
    }

    @Override
    public void clear() {
        store.clear(namespace());
    }

    /** The keys or the values of an entry iterator; {@code remove()} removes the entry. */
    private static final class Projection<T> implements Iterator<T> {
        private final Iterator<? extends Map.Entry<?, ?>> entries;
        private final boolean keys;

        Projection(Iterator<? extends Map.Entry<?, ?>> entries, boolean keys) {
            this.entries = entries;
            this.keys = keys;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            Map.Entry<?, ?> e = entries.next();
            return (T) (keys ? e.getKey() : e.getValue());
        }

        @Override
        public void remove() {
            entries.remove();
        }
    }
}
