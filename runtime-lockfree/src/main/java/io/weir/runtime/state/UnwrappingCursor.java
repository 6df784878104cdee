package io.weir.runtime.state;

import io.weir.spi.state.EntryCursor;

import java.util.function.Function;

/**
 * The cursor of a TTL store: the raw store's cursor with values shown without their TTL timestamps
 * (expired ones included) and updates wrapped with the current time.
 */
final class UnwrappingCursor<N, R, V> implements EntryCursor<N, V> {
    private final EntryCursor<N, R> raw;
    private final Function<R, V> unwrap;
    private final Function<V, R> wrap;

    UnwrappingCursor(EntryCursor<N, R> raw, Function<R, V> unwrap, Function<V, R> wrap) {
        this.raw = raw;
        this.unwrap = unwrap;
        this.wrap = wrap;
    }

    @Override
    public boolean next() {
        return raw.next();
    }

    @Override
    public Object key() {
        return raw.key();
    }

    @Override
    public N namespace() {
        return raw.namespace();
    }

    @Override
    public V value() {
        return unwrap.apply(raw.value());
    }

    @Override
    public void remove() {
        raw.remove();
    }

    @Override
    public void update(V value) {
        raw.update(wrap.apply(value));
    }
}
