package io.weir.runtime.state;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.ListStoreSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * TTL over a {@link ListStore}: every element is stored as a {@link TtlValue} with its own timestamp
 * (as Flink's {@code TtlListState}). A read returns the unexpired elements (plus, with
 * {@code ReturnExpiredIfNotCleanedUp}, the expired ones it finds) and writes back what remains;
 * {@code OnReadAndWrite} refreshes every element read. Every access first runs the incremental cleanup.
 */
final class TtlListStore<N, E> implements ListStore<N, E> {
    private final ListStore<N, TtlValue<E>> raw;
    private final ListStoreSpec<N, E> spec;
    private final TtlContext ttl;
    private final TtlIncrementalCleanup<N, List<TtlValue<E>>> cleanup;

    TtlListStore(ListStore<N, TtlValue<E>> raw, ListStoreSpec<N, E> spec, KeyGroupRange range, TtlContext ttl) {
        this.raw = raw;
        this.spec = spec;
        this.ttl = ttl;
        this.cleanup = new TtlIncrementalCleanup<>(raw, range, ttl, this::purge);
    }

    TtlIncrementalCleanup<N, List<TtlValue<E>>> cleanup() {
        return cleanup;
    }

    /** The unexpired elements, the same list if none expired, null if all did. */
    private List<TtlValue<E>> purge(List<TtlValue<E>> values, long now) {
        int expired = 0;
        for (int i = 0, n = values.size(); i < n; i++) {
            if (ttl.expired(values.get(i), now)) {
                expired++;
            }
        }
        if (expired == 0) {
            return values;
        }
        if (expired == values.size()) {
            return null;
        }
        List<TtlValue<E>> kept = new ArrayList<>(values.size() - expired);
        for (int i = 0, n = values.size(); i < n; i++) {
            if (!ttl.expired(values.get(i), now)) {
                kept.add(values.get(i));
            }
        }
        return kept;
    }

    @Override
    public ListStoreSpec<N, E> spec() {
        return spec;
    }

    @Override
    public List<E> get(N namespace) {
        cleanup.run();
        List<TtlValue<E>> stored = raw.get(namespace);
        if (stored == null) {
            return null;
        }
        long now = ttl.now();
        int n = stored.size();
        List<E> result = new ArrayList<>(n);
        List<TtlValue<E>> kept = new ArrayList<>(n);
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            TtlValue<E> v = stored.get(i);
            if (ttl.expired(v, now)) {
                changed = true;
                if (ttl.returnExpired) {
                    result.add(v.value());
                }
            } else {
                result.add(v.value());
                kept.add(ttl.updateOnRead ? ttl.wrap(v.value(), now) : v);
            }
        }
        if (changed || ttl.updateOnRead) {
            raw.update(namespace, kept);
        }
        return result.isEmpty() ? null : result;
    }

    @Override
    public void add(N namespace, E element) {
        cleanup.run();
        if (element == null) {
            throw new NullPointerException("list state '" + spec.name() + "': elements must not be null");
        }
        raw.add(namespace, ttl.wrap(element, ttl.now()));
    }

    @Override
    public void addAll(N namespace, List<E> elements) {
        cleanup.run();
        raw.addAll(namespace, wrapAll(elements, ttl.now()));
    }

    @Override
    public void update(N namespace, List<E> elements) {
        cleanup.run();
        raw.update(namespace, wrapAll(elements, ttl.now()));
    }

    @Override
    public void clear(N namespace) {
        cleanup.run();
        raw.clear(namespace);
    }

    @Override
    public EntryCursor<N, List<E>> cursor(int keyGroup) {
        return new UnwrappingCursor<>(raw.cursor(keyGroup), TtlListStore::unwrapAll, l -> wrapAll(l, ttl.now()));
    }

    private List<TtlValue<E>> wrapAll(List<E> elements, long now) {
        List<TtlValue<E>> wrapped = new ArrayList<>(elements.size());
        for (int i = 0, n = elements.size(); i < n; i++) {
            E e = elements.get(i);
            if (e == null) {
                throw new NullPointerException("list state '" + spec.name() + "': elements must not be null");
            }
            wrapped.add(ttl.wrap(e, now));
        }
        return wrapped;
    }

    private static <E> List<E> unwrapAll(List<TtlValue<E>> values) {
        List<E> result = new ArrayList<>(values.size());
        for (int i = 0, n = values.size(); i < n; i++) {
            result.add(values.get(i).value());
        }
        return result;
    }
}
