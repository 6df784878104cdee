package io.weir.state.heap;

import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import io.weir.spi.state.TimerStoreSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A {@link TimerStore} as one {@link TimerHeap} over all key groups plus one deduplication map per key
 * group (which also lists a key group's timers). Equal timestamps come out in registration order.
 *
 * @param <N> the namespace type
 */
final class HeapTimerStore<N> implements TimerStore<N> {
    private final TimerStoreSpec<N> spec;
    private final HeapKeyedStateBackend backend;
    private final int firstKeyGroup;
    private final HashMap<HeapTimer<N>, HeapTimer<N>>[] groups;
    private final TimerHeap heap = new TimerHeap();
    private static final HeapTimer<?>[] NO_TIMERS = new HeapTimer<?>[0];
    private final HeapTimer<N> lookup = new HeapTimer<>();
    private long nextSequence;

    @SuppressWarnings("unchecked")
    HeapTimerStore(HeapKeyedStateBackend backend, TimerStoreSpec<N> spec) {
        this.spec = spec;
        this.backend = backend;
        this.firstKeyGroup = backend.keyGroupRange().first();
        this.groups = new HashMap[Math.max(0, backend.keyGroupRange().size())];
    }

    @Override
    public TimerStoreSpec<N> spec() {
        return spec;
    }

    private HeapTimer<N> probe(N namespace, long timestamp) {
        return lookup.set(timestamp, backend.currentKey(), backend.currentKeyHash(), namespace);
    }

    @Override
    public boolean add(N namespace, long timestamp) {
        int index = backend.currentKeyGroupIndex(spec.name());
        HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[index];
        if (group == null) {
            group = new HashMap<>();
            groups[index] = group;
        }
        HeapTimer<N> probe = probe(namespace, timestamp);
        if (group.containsKey(probe)) {
            return false;
        }
        HeapTimer<N> timer = probe.copy(index + firstKeyGroup, nextSequence++);
        group.put(timer, timer);
        heap.add(timer);
        return true;
    }

    @Override
    public boolean remove(N namespace, long timestamp) {
        HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[backend.currentKeyGroupIndex(spec.name())];
        if (group == null) {
            return false;
        }
        HeapTimer<N> timer = group.remove(probe(namespace, timestamp));
        if (timer == null) {
            return false;
        }
        heap.remove(timer);
        return true;
    }

    @Override
    public boolean contains(N namespace, long timestamp) {
        HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[backend.currentKeyGroupIndex(spec.name())];
        return group != null && group.containsKey(probe(namespace, timestamp));
    }

    @Override
    public long peekTimestamp() {
        HeapTimer<?> head = heap.peek();
        return head == null ? Long.MAX_VALUE : head.timestamp;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TimerEntry<N> poll(long maxTimestamp) {
        HeapTimer<N> head = (HeapTimer<N>) heap.peek();
        if (head == null || head.timestamp > maxTimestamp) {
            return null;
        }
        heap.remove(head);
        groups[head.keyGroup - firstKeyGroup].remove(head);
        return head;
    }

    @Override
    public int size() {
        return heap.size();
    }

    @Override
    public List<TimerEntry<N>> timers(int keyGroup) {
        if (!backend.keyGroupRange().contains(keyGroup)) {
            throw new IllegalArgumentException("timer store '" + spec.name() + "': key group " + keyGroup
                    + " is not owned by this backend, which owns " + backend.keyGroupRange());
        }
        HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[keyGroup - firstKeyGroup];
        return group == null ? new ArrayList<>() : new ArrayList<>(group.values());
    }

    /** A copy of each key group's timers (the timers themselves are shared: their fields of interest never change). */
    HeapTimer<?>[][] capture() {
        HeapTimer<?>[][] captured = new HeapTimer<?>[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[i];
            captured[i] = group == null || group.isEmpty() ? NO_TIMERS : group.values().toArray(NO_TIMERS);
        }
        return captured;
    }

    /** Adds a restored timer of {@code keyGroup} (owned by the backend), without a current key. */
    void restore(int keyGroup, Object key, N namespace, long timestamp) {
        int index = keyGroup - firstKeyGroup;
        HashMap<HeapTimer<N>, HeapTimer<N>> group = groups[index];
        if (group == null) {
            group = new HashMap<>();
            groups[index] = group;
        }
        HeapTimer<N> probe = lookup.set(timestamp, key, key.hashCode(), namespace);
        if (!group.containsKey(probe)) {
            HeapTimer<N> timer = probe.copy(keyGroup, nextSequence++);
            group.put(timer, timer);
            heap.add(timer);
        }
    }

    void clear() {
        heap.clear();
        java.util.Arrays.fill(groups, null);
    }
}
