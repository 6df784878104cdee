package io.weir.state.rocksdb;

import java.util.Arrays;

/**
 * A binary min-heap of key-group indexes ({@code 0..size-1}) ordered by the timestamp of each key group's
 * earliest timer (then by index, so that equal timestamps come out in key-group order), with the position
 * of every index so that a key group whose earliest timer changed moves in {@code O(log n)}. A key group
 * without timers is not in the heap.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe.
 */
final class KeyGroupQueue {
    private final long[] head;
    private final int[] heap;
    private final int[] position;
    private int size;

    KeyGroupQueue(int keyGroups) {
        head = new long[keyGroups];
        heap = new int[keyGroups];
        position = new int[keyGroups];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The key group with the earliest timer; only when not empty. */
    int peek() {
        return heap[0];
    }

    /** The earliest timestamp of key group {@code index}; only when it is in the heap. */
    long timestamp(int index) {
        return head[index];
    }

    /** Sets the earliest timestamp of {@code index}, or removes it when {@code present} is false. */
    void update(int index, boolean present, long timestamp) {
        int at = position[index];
        if (!present) {
            if (at >= 0) {
                removeAt(at);
            }
            return;
        }
        head[index] = timestamp;
        if (at < 0) {
            heap[size] = index;
            position[index] = size;
            size++;
            up(size - 1);
        } else {
            up(at);
            down(position[index]);
        }
    }

    private void removeAt(int at) {
        int removed = heap[at];
        position[removed] = -1;
        size--;
        if (at < size) {
            heap[at] = heap[size];
            position[heap[at]] = at;
            up(at);
            down(position[heap[at]]);
        }
    }

    private boolean less(int a, int b) {
        return head[a] < head[b] || (head[a] == head[b] && a < b);
    }

    private void up(int at) {
        int index = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!less(index, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            position[heap[at]] = at;
            at = parent;
        }
        heap[at] = index;
        position[index] = at;
    }

    private void down(int at) {
        int index = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], index)) {
                break;
            }
            heap[at] = heap[child];
            position[heap[at]] = at;
            at = child;
        }
        heap[at] = index;
        position[index] = at;
    }
}
