package io.weir.state.heap;

/**
 * One entry of a {@link StateTable}: the composite key (key, namespace) with its hash, and the stored
 * value. Used both as the map key and as the map value ({@code HashMap<StateEntry, StateEntry>}), so
 * that an update of an existing entry is one lookup and no allocation. A table also keeps one
 * mutable instance as its lookup key, re-pointed for every access; that instance is never stored.
 *
 * <p>{@code value == null} means the entry was removed from its table (stored values are never null),
 * which lets cursors skip entries removed after they were listed.
 */
final class StateEntry {
    Object key;
    Object namespace;
    int hash;
    Object value;

    /** Points this (lookup) entry at (key, namespace). */
    StateEntry set(Object key, int keyHash, Object namespace) {
        this.key = key;
        this.namespace = namespace;
        this.hash = keyHash * 31 + namespace.hashCode();
        return this;
    }

    /** A new entry to store, with the same key, namespace and hash as this one. */
    StateEntry copyKey() {
        StateEntry e = new StateEntry();
        e.key = key;
        e.namespace = namespace;
        e.hash = hash;
        return e;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof StateEntry e && e.hash == hash
                && (e.key == key || e.key.equals(key))
                && (e.namespace == namespace || e.namespace.equals(namespace));
    }

    @Override
    public String toString() {
        return "(" + key + ", " + namespace + ") -> " + value;
    }
}
