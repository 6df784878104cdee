package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * What every state store of a {@link KeyedStateBackend} has: one entry per (key, namespace), addressed
 * through the backend's current key, kept in the key group of that key; and a cursor over the entries
 * of one key group (for snapshots, rescaling and TTL cleanup).
 *
 * <p>An entry's <em>value</em> is the whole state of one (key, namespace): the value of a
 * {@link ValueStore}, the list of a {@link ListStore}, the map of a {@link MapStore}. An entry exists
 * only while it holds something: a store never keeps null values, empty lists or empty maps
 * visible to a cursor.
 *
 * <p>Namespaces are compared with {@code equals}; they must not be null (use a singleton, such as
 * the runtime's void namespace, for state without one).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the thread of the operator subtask, like its backend. Methods that
 * address the current key throw {@link IllegalStateException} if no key was set.
 *
 * @param <N> the namespace type
 * @param <V> the type of an entry's whole value
 */
@Evolving
public interface KeyedStore<N, V> {

    /** The declaration this store was created from. */
    StoreSpec spec();

    /** Removes the entry of (current key, {@code namespace}), if any. */
    void clear(N namespace);

    /**
     * A cursor over the entries of {@code keyGroup} as they are now. Writes to the store between
     * cursor steps are allowed: an entry removed since is skipped, one added since may or may not be
     * visited, none is visited twice.
     *
     * @throws IllegalArgumentException if this backend does not own {@code keyGroup}
     */
    EntryCursor<N, V> cursor(int keyGroup);
}
