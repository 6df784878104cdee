package io.weir.api.state;

import io.weir.api.annotation.Stable;

import java.util.Map;

/**
 * A map per key, as Flink's {@code MapState}. Map keys must not be {@code null}
 * ({@link NullPointerException}); values may be. The iterables are empty, never {@code null}, when
 * the map is empty; they may be live views (on the heap backend they are): their iterators support
 * {@code remove()}, but do not change the state through this handle while iterating.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <K> the map key type
 * @param <V> the map value type
 */
@Stable
public interface MapState<K, V> extends State {

    /** The value for {@code key}, or {@code null} when there is none. */
    V get(K key);

    /** Sets the value for {@code key}. */
    void put(K key, V value);

    /** Puts every entry of {@code map}; {@code null} or empty changes nothing. */
    void putAll(Map<K, V> map);

    /** Removes the entry for {@code key}, if any. */
    void remove(K key);

    /** Whether there is an entry for {@code key}. */
    boolean contains(K key);

    /** The entries of the current key's map. */
    Iterable<Map.Entry<K, V>> entries();

    /** The keys of the current key's map. */
    Iterable<K> keys();

    /** The values of the current key's map. */
    Iterable<V> values();

    /** Whether the current key's map has no entries. */
    boolean isEmpty();
}
