package io.weir.runtime.state;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;

/**
 * TTL over a {@link ValueStore}: values are stored as {@link TtlValue}s; an expired value is removed
 * by the read that finds it, and returned by that read only with {@code ReturnExpiredIfNotCleanedUp}
 * (as Flink's {@code AbstractTtlDecorator}). Every access first runs the incremental cleanup.
 */
final class TtlValueStore<N, T> implements ValueStore<N, T> {
    private final ValueStore<N, TtlValue<T>> raw;
    private final ValueStoreSpec<N, T> spec;
    private final TtlContext ttl;
    private final TtlIncrementalCleanup<N, TtlValue<T>> cleanup;

    TtlValueStore(ValueStore<N, TtlValue<T>> raw, ValueStoreSpec<N, T> spec, KeyGroupRange range, TtlContext ttl) {
        this.raw = raw;
        this.spec = spec;
        this.ttl = ttl;
        this.cleanup = new TtlIncrementalCleanup<>(raw, range, ttl, (v, now) -> ttl.expired(v, now) ? null : v);
    }

    TtlIncrementalCleanup<N, TtlValue<T>> cleanup() {
        return cleanup;
    }

    @Override
    public ValueStoreSpec<N, T> spec() {
        return spec;
    }

    @Override
    public T get(N namespace) {
        cleanup.run();
        TtlValue<T> stored = raw.get(namespace);
        if (stored == null) {
            return null;
        }
        long now = ttl.now();
        if (ttl.expired(stored, now)) {
            raw.clear(namespace);
            return ttl.returnExpired ? stored.value() : null;
        }
        if (ttl.updateOnRead) {
            raw.put(namespace, ttl.wrap(stored.value(), now));
        }
        return stored.value();
    }

    @Override
    public void put(N namespace, T value) {
        cleanup.run();
        raw.put(namespace, ttl.wrap(value, ttl.now()));
    }

    @Override
    public void clear(N namespace) {
        cleanup.run();
        raw.clear(namespace);
    }

    @Override
    public EntryCursor<N, T> cursor(int keyGroup) {
        return new UnwrappingCursor<>(raw.cursor(keyGroup), TtlValue::value, v -> ttl.wrap(v, ttl.now()));
    }
}
