package io.weir.state.heap;

import io.weir.spi.state.TimerEntry;

/**
 * A timer as the heap timer store keeps it: (timestamp, key, namespace) plus its key group, a
 * registration sequence number (the tie-breaker between equal timestamps) and its index in the
 * {@link TimerHeap} (for removal in O(log n)). Equality and hash cover only (timestamp, key,
 * namespace), so that it is also the key of the deduplication maps; the store keeps one mutable
 * instance as its lookup key, which is never stored.
 *
 * @param <N> the namespace type
 */
final class HeapTimer<N> implements TimerEntry<N> {
    static final int NOT_IN_HEAP = -1;

    long timestamp;
    Object key;
    N namespace;
    int hash;
    int keyGroup;
    long sequence;
    int heapIndex = NOT_IN_HEAP;

    /** Points this (lookup) timer at (timestamp, key, namespace). */
    HeapTimer<N> set(long timestamp, Object key, int keyHash, N namespace) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = namespace;
        this.hash = (keyHash * 31 + namespace.hashCode()) * 31 + Long.hashCode(timestamp);
        return this;
    }

    /** A new timer to store, with this one's timestamp, key and namespace. */
    HeapTimer<N> copy(int keyGroup, long sequence) {
        HeapTimer<N> t = new HeapTimer<>();
        t.timestamp = timestamp;
        t.key = key;
        t.namespace = namespace;
        t.hash = hash;
        t.keyGroup = keyGroup;
        t.sequence = sequence;
        return t;
    }

    /** Heap order: by timestamp, then by registration. */
    boolean before(HeapTimer<?> other) {
        return timestamp < other.timestamp || (timestamp == other.timestamp && sequence < other.sequence);
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public N namespace() {
        return namespace;
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
        return o instanceof HeapTimer<?> t && t.timestamp == timestamp && t.hash == hash
                && (t.key == key || t.key.equals(key))
                && (t.namespace == namespace || t.namespace.equals(namespace));
    }

    @Override
    public String toString() {
        return "Timer[" + timestamp + ", key=" + key + ", namespace=" + namespace + "]";
    }
}
