package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * Steps through the entries (key, namespace, value) of one key group of a {@link KeyedStore}, in no
 * particular order. Before the first {@link #next()} and after it returned {@code false} there is no
 * current entry, and the accessors throw {@link IllegalStateException}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the store's thread only.
 *
 * @param <N> the namespace type
 * @param <V> the type of an entry's whole value
 */
@Evolving
public interface EntryCursor<N, V> {

    /** Moves to the next entry; {@code false} when there is none left. */
    boolean next();

    /** The current entry's key. */
    Object key();

    /** The current entry's namespace. */
    N namespace();

    /**
     * The current entry's whole value. It may be the stored object itself (on the heap backend):
     * change it only through {@link #update}.
     */
    V value();

    /** Removes the current entry; the accessors stay readable until {@link #next()}. */
    void remove();

    /**
     * Replaces the current entry's whole value; an empty list or map removes the entry.
     *
     * @throws NullPointerException if {@code value} is null (use {@link #remove()})
     */
    void update(V value);
}
