package io.weir.state.heap;

import io.weir.spi.state.KeyGroupRange;

import java.util.HashMap;

/**
 * The entries of one heap store: one {@code HashMap} per owned key group (created on first write),
 * from (key, namespace) to its {@link StateEntry}. Accesses address the backend's current key and
 * reuse one lookup entry, so a read or an update of an existing entry allocates nothing. A key
 * group's map can be listed on its own, for snapshots and rescaling.
 */
final class StateTable {
    private static final StateEntry[] NONE = new StateEntry[0];

    private final HeapKeyedStateBackend backend;
    private final String storeName;
    private final int firstKeyGroup;
    private final HashMap<StateEntry, StateEntry>[] groups;
    private final StateEntry lookup = new StateEntry();

    @SuppressWarnings("unchecked")
    StateTable(HeapKeyedStateBackend backend, String storeName) {
        this.backend = backend;
        this.storeName = storeName;
        KeyGroupRange range = backend.keyGroupRange();
        this.firstKeyGroup = range.first();
        this.groups = new HashMap[Math.max(0, range.size())];
    }

    /** The entry of (current key, namespace), or null. */
    StateEntry find(Object namespace) {
        HashMap<StateEntry, StateEntry> map = groups[backend.currentKeyGroupIndex(storeName)];
        if (map == null) {
            return null;
        }
        return map.get(lookup.set(backend.currentKey(), backend.currentKeyHash(), namespace));
    }

    /** The entry of (current key, namespace), created (with a null value the caller sets) if absent. */
    StateEntry findOrCreate(Object namespace) {
        int index = backend.currentKeyGroupIndex(storeName);
        HashMap<StateEntry, StateEntry> map = groups[index];
        if (map == null) {
            map = new HashMap<>();
            groups[index] = map;
        }
        StateEntry probe = lookup.set(backend.currentKey(), backend.currentKeyHash(), namespace);
        StateEntry entry = map.get(probe);
        if (entry == null) {
            entry = probe.copyKey();
            map.put(entry, entry);
        }
        return entry;
    }

    /** Removes the entry of (current key, namespace), if any. */
    void remove(Object namespace) {
        HashMap<StateEntry, StateEntry> map = groups[backend.currentKeyGroupIndex(storeName)];
        if (map != null) {
            StateEntry removed = map.remove(lookup.set(backend.currentKey(), backend.currentKeyHash(), namespace));
            if (removed != null) {
                removed.value = null;
            }
        }
    }

    /** Removes {@code entry}, which lives in {@code keyGroup}. */
    void remove(StateEntry entry, int keyGroup) {
        HashMap<StateEntry, StateEntry> map = groups[keyGroup - firstKeyGroup];
        if (map != null && map.remove(entry) != null) {
            entry.value = null;
        }
    }

    /** The entries of {@code keyGroup} as they are now (a copy of the list, not of the entries). */
    StateEntry[] entries(int keyGroup) {
        if (!backend.keyGroupRange().contains(keyGroup)) {
            throw new IllegalArgumentException("store '" + storeName + "': key group " + keyGroup
                    + " is not owned by this backend, which owns " + backend.keyGroupRange());
        }
        HashMap<StateEntry, StateEntry> map = groups[keyGroup - firstKeyGroup];
        return map == null || map.isEmpty() ? NONE : map.values().toArray(NONE);
    }

    /** The number of entries of {@code keyGroup}'s map (0 when it has none). */
    int size(int keyGroup) {
        HashMap<StateEntry, StateEntry> map = groups[keyGroup - firstKeyGroup];
        return map == null ? 0 : map.size();
    }

    /** The number of key groups of the backend's range. */
    int groupCount() {
        return groups.length;
    }

    /** The map of the key group at {@code index} in the range (null when it never had an entry); for snapshots. */
    HashMap<StateEntry, StateEntry> group(int index) {
        return groups[index];
    }

    /** Stores a restored entry of {@code keyGroup} (owned by the backend), replacing any with the same key and namespace. */
    void putRestored(int keyGroup, Object key, Object namespace, Object value) {
        int index = keyGroup - firstKeyGroup;
        HashMap<StateEntry, StateEntry> map = groups[index];
        if (map == null) {
            map = new HashMap<>();
            groups[index] = map;
        }
        StateEntry entry = new StateEntry().set(key, key.hashCode(), namespace);
        entry.value = value;
        map.put(entry, entry);
    }

    /** Drops every entry. */
    void clear() {
        java.util.Arrays.fill(groups, null);
    }
}
