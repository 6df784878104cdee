package io.weir.runtime.state;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.MapStoreSpec;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * TTL over a {@link MapStore}: every map value is stored as a {@link TtlValue} with its own timestamp
 * (as Flink's {@code TtlMapState}). Reading an expired entry removes it (and returns it only with
 * {@code ReturnExpiredIfNotCleanedUp}). Iteration works on a copy taken when it starts, so the
 * incremental cleanup, which runs first on every access, never disturbs it.
 */
final class TtlMapStore<N, K, V> implements MapStore<N, K, V> {
    private final MapStore<N, K, TtlValue<V>> raw;
    private final MapStoreSpec<N, K, V> spec;
    private final TtlContext ttl;
    private final TtlIncrementalCleanup<N, Map<K, TtlValue<V>>> cleanup;

    TtlMapStore(MapStore<N, K, TtlValue<V>> raw, MapStoreSpec<N, K, V> spec, KeyGroupRange range, TtlContext ttl) {
        this.raw = raw;
        this.spec = spec;
        this.ttl = ttl;
        this.cleanup = new TtlIncrementalCleanup<>(raw, range, ttl, this::purge);
    }

    TtlIncrementalCleanup<N, Map<K, TtlValue<V>>> cleanup() {
        return cleanup;
    }

    private Map<K, TtlValue<V>> purge(Map<K, TtlValue<V>> map, long now) {
        Map<K, TtlValue<V>> kept = null;
        for (Map.Entry<K, TtlValue<V>> e : map.entrySet()) {
            if (ttl.expired(e.getValue(), now)) {
                if (kept == null) {
                    kept = new HashMap<>(map);
                }
                kept.remove(e.getKey());
            }
        }
        return kept == null ? map : kept.isEmpty() ? null : kept;
    }

    @Override
    public MapStoreSpec<N, K, V> spec() {
        return spec;
    }

    @Override
    public V get(N namespace, K mapKey) {
        cleanup.run();
        TtlValue<V> stored = raw.get(namespace, mapKey);
        if (stored == null) {
            return null;
        }
        long now = ttl.now();
        if (ttl.expired(stored, now)) {
            raw.remove(namespace, mapKey);
            return ttl.returnExpired ? stored.value() : null;
        }
        if (ttl.updateOnRead) {
            raw.put(namespace, mapKey, ttl.wrap(stored.value(), now));
        }
        return stored.value();
    }

    @Override
    public boolean contains(N namespace, K mapKey) {
        cleanup.run();
        TtlValue<V> stored = raw.get(namespace, mapKey);
        if (stored == null) {
            return false;
        }
        long now = ttl.now();
        if (ttl.expired(stored, now)) {
            raw.remove(namespace, mapKey);
            return ttl.returnExpired;
        }
        if (ttl.updateOnRead) {
            raw.put(namespace, mapKey, ttl.wrap(stored.value(), now));
        }
        return true;
    }

    @Override
    public void put(N namespace, K mapKey, V value) {
        cleanup.run();
        raw.put(namespace, mapKey, ttl.wrap(value, ttl.now()));
    }

    @Override
    public void putAll(N namespace, Map<K, V> entries) {
        cleanup.run();
        raw.putAll(namespace, wrapAll(entries, ttl.now()));
    }

    @Override
    public void remove(N namespace, K mapKey) {
        cleanup.run();
        raw.remove(namespace, mapKey);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator(N namespace) {
        cleanup.run();
        long now = ttl.now();
        List<Map.Entry<K, V>> visible = new ArrayList<>();
        List<K> expired = new ArrayList<>();
        for (Iterator<Map.Entry<K, TtlValue<V>>> it = raw.iterator(namespace); it.hasNext(); ) {
            Map.Entry<K, TtlValue<V>> e = it.next();
            boolean isExpired = ttl.expired(e.getValue(), now);
            if (isExpired) {
                expired.add(e.getKey());
            }
            if (!isExpired || ttl.returnExpired) {
                visible.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value()));
            }
        }
        for (K k : expired) {
            raw.remove(namespace, k);
        }
        if (ttl.updateOnRead) {
            for (Map.Entry<K, V> e : visible) {
                raw.put(namespace, e.getKey(), ttl.wrap(e.getValue(), now));
            }
        }
        return new SnapshotIterator(namespace, visible);
    }

    @Override
    public boolean isEmpty(N namespace) {
        return !iterator(namespace).hasNext();
    }

    @Override
    public void clear(N namespace) {
        cleanup.run();
        raw.clear(namespace);
    }

    @Override
    public EntryCursor<N, Map<K, V>> cursor(int keyGroup) {
        return new UnwrappingCursor<>(raw.cursor(keyGroup), TtlMapStore::unwrapAll, m -> wrapAll(m, ttl.now()));
    }

    private Map<K, TtlValue<V>> wrapAll(Map<K, V> entries, long now) {
        Map<K, TtlValue<V>> wrapped = new HashMap<>(Math.max(4, entries.size() * 2));
        for (Map.Entry<K, V> e : entries.entrySet()) {
            wrapped.put(e.getKey(), ttl.wrap(e.getValue(), now));
        }
        return wrapped;
    }

    private static <K, V> Map<K, V> unwrapAll(Map<K, TtlValue<V>> map) {
        Map<K, V> result = new HashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<K, TtlValue<V>> e : map.entrySet()) {
            result.put(e.getKey(), e.getValue().value());
        }
        return result;
    }

    /** Iterates a copy of the entries; {@code remove()} removes the entry from the store. */
    private final class SnapshotIterator implements Iterator<Map.Entry<K, V>> {
        private final N namespace;
        private final List<Map.Entry<K, V>> entries;
        private int next;
        private boolean canRemove;

        SnapshotIterator(N namespace, List<Map.Entry<K, V>> entries) {
            this.namespace = namespace;
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return next < entries.size();
        }

        @Override
        public Map.Entry<K, V> next() {
            if (next >= entries.size()) {
                throw new NoSuchElementException();
            }
            canRemove = true;
            return entries.get(next++);
        }

        @Override
        public void remove() {
            if (!canRemove) {
                throw new IllegalStateException("next() has not been called, or remove() was already called");
            }
            canRemove = false;
            raw.remove(namespace, entries.get(next - 1).getKey());
        }
    }
}
