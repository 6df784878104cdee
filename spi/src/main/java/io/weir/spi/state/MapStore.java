package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.util.Iterator;
import java.util.Map;

/**
 * A map per (key, namespace) for the backend's current key. Map keys are never null; map values may
 * be. A serializing backend keeps one row per map entry ({@code keyGroup | key | namespace | mapKey}).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link KeyedStore}.
 *
 * @param <N> the namespace type
 * @param <K> the map key type
 * @param <V> the map value type
 */
@Evolving
public interface MapStore<N, K, V> extends KeyedStore<N, Map<K, V>> {

    @Override
    MapStoreSpec<N, K, V> spec();

    /** The value for {@code mapKey}, or {@code null} when absent (or when the value is null). */
    V get(N namespace, K mapKey);

    /** Whether {@code mapKey} has an entry. */
    boolean contains(N namespace, K mapKey);

    /** Sets the value for {@code mapKey}. */
    void put(N namespace, K mapKey, V value);

    /** Puts every entry of {@code entries}. */
    void putAll(N namespace, Map<K, V> entries);

    /** Removes {@code mapKey}'s entry, if any; removing the last one removes the store entry. */
    void remove(N namespace, K mapKey);

    /**
     * The entries of the map, empty when there are none. The iterator supports {@code remove()};
     * writing to this store through other methods while iterating is not allowed. On the heap backend
     * the entries are the stored ones: treat them as read-only.
     */
    Iterator<Map.Entry<K, V>> iterator(N namespace);

    /** Whether the map of (current key, {@code namespace}) is empty (or absent). */
    boolean isEmpty(N namespace);
}
