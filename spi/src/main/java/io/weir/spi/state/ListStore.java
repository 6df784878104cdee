package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * A list per (key, namespace) for the backend's current key. Appending must not need to read the
 * list (a serializing backend appends with a merge operator).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link KeyedStore}.
 *
 * @param <N> the namespace type
 * @param <E> the element type
 */
@Evolving
public interface ListStore<N, E> extends KeyedStore<N, List<E>> {

    @Override
    ListStoreSpec<N, E> spec();

    /**
     * The elements of (current key, {@code namespace}) in the order they were added, or {@code null}
     * when there are none. The list may be the stored one (on the heap backend): the caller must not
     * modify it, and must not use it after the next write to this store.
     */
    List<E> get(N namespace);

    /** Appends {@code element} (not null). */
    void add(N namespace, E element);

    /** Appends every element of {@code elements} (none null), in order; an empty list changes nothing. */
    void addAll(N namespace, List<E> elements);

    /** Replaces the list with a copy of {@code elements} (none null); an empty list removes the entry. */
    void update(N namespace, List<E> elements);
}
