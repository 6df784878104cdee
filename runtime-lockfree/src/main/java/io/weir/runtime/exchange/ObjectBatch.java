package io.weir.runtime.exchange;

import java.util.Arrays;

/**
 * One batch of the object hand-off: parallel arrays of values and timestamps and how many are used.
 * A value that is a {@link io.weir.runtime.element.ControlEvent} is a control event (its timestamp
 * slot is unused); any other value is a record.
 *
 * <h2>Thread safety</h2>
 * Owned by one thread at a time and moved between the producer and the consumer only through the
 * channel's SPSC queues (release on offer, acquire on poll), which order every access to the
 * arrays and to {@link #size}. Never touched by two threads without such a hand-off in between.
 */
final class ObjectBatch {

    final Object[] values;
    final long[] timestamps;
    /** Elements in use; written by the owner before the batch is handed over. */
    int size;

    ObjectBatch(int capacity) {
        this.values = new Object[capacity];
        this.timestamps = new long[capacity];
    }

    /** Drops the references to delivered values (so they can be collected) and empties the batch. */
    void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
    }
}
