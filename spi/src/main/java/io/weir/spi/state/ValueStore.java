package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * One value per (key, namespace) for the backend's current key: value, reducing and aggregating
 * state (and anything the runtime wraps in a value, such as a value with its TTL timestamp).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link KeyedStore}.
 *
 * @param <N> the namespace type
 * @param <V> the value type
 */
@Evolving
public interface ValueStore<N, V> extends KeyedStore<N, V> {

    @Override
    ValueStoreSpec<N, V> spec();

    /** The value of (current key, {@code namespace}), or {@code null}. */
    V get(N namespace);

    /**
     * Sets the value of (current key, {@code namespace}). The heap backend keeps the object itself;
     * a serializing backend encodes it now, so later changes to the object are not seen.
     *
     * @throws NullPointerException if {@code value} is null (use {@link #clear})
     */
    void put(N namespace, V value);
}
