package io.weir.state.heap;

import java.util.Arrays;

/**
 * A binary min-heap of {@link HeapTimer}s ordered by {@link HeapTimer#before}, where each timer knows
 * its index, so that removing any timer is O(log n) (the JDK's {@code PriorityQueue} removes in O(n)).
 * Root at index 0; children of {@code i} at {@code 2i+1} and {@code 2i+2}.
 */
final class TimerHeap {
    private HeapTimer<?>[] queue = new HeapTimer<?>[16];
    private int size;

    int size() {
        return size;
    }

    /** The earliest timer, or null. */
    HeapTimer<?> peek() {
        return size == 0 ? null : queue[0];
    }

    void add(HeapTimer<?> timer) {
        if (size == queue.length) {
            queue = Arrays.copyOf(queue, size * 2);
        }
        queue[size] = timer;
        timer.heapIndex = size;
        size++;
        siftUp(timer.heapIndex);
    }

    /** Removes {@code timer}, which must be in this heap. */
    void remove(HeapTimer<?> timer) {
        int index = timer.heapIndex;
        int last = --size;
        HeapTimer<?> moved = queue[last];
        queue[last] = null;
        timer.heapIndex = HeapTimer.NOT_IN_HEAP;
        if (index != last) {
            queue[index] = moved;
            moved.heapIndex = index;
            siftDown(index);
            if (queue[index] == moved) {
                siftUp(index);
            }
        }
    }

    void clear() {
        Arrays.fill(queue, 0, size, null);
        size = 0;
    }

    private void siftUp(int index) {
        HeapTimer<?> timer = queue[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            HeapTimer<?> p = queue[parent];
            if (!timer.before(p)) {
                break;
            }
            queue[index] = p;
            p.heapIndex = index;
            index = parent;
        }
        queue[index] = timer;
        timer.heapIndex = index;
    }

    private void siftDown(int index) {
        HeapTimer<?> timer = queue[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            HeapTimer<?> c = queue[child];
            int right = child + 1;
            if (right < size && queue[right].before(c)) {
                child = right;
                c = queue[right];
            }
            if (!c.before(timer)) {
                break;
            }
            queue[index] = c;
            c.heapIndex = index;
            index = child;
        }
        queue[index] = timer;
        timer.heapIndex = index;
    }
}
