package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * Timers of one kind (for example the event-time timers of one operator) as a priority queue by
 * timestamp, deduplicated on (key, namespace, timestamp), and organised by key group so that a
 * snapshot can be split by key group. Timers with equal timestamps come out in a deterministic order
 * (the heap backend: registration order).
 *
 * <p>{@link #add} and {@link #remove} address the backend's current key; {@link #poll} returns timers
 * of any key (the caller then makes the timer's key current).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the thread of the operator subtask, like its backend.
 *
 * @param <N> the namespace type
 */
@Evolving
public interface TimerStore<N> {

    /** The declaration this store was created from. */
    TimerStoreSpec<N> spec();

    /**
     * Adds the timer (current key, {@code namespace}, {@code timestamp}).
     *
     * @return {@code false} if it was already there (then nothing changes)
     * @throws IllegalStateException if no key is current
     */
    boolean add(N namespace, long timestamp);

    /**
     * Removes the timer (current key, {@code namespace}, {@code timestamp}).
     *
     * @return {@code false} if there was no such timer
     * @throws IllegalStateException if no key is current
     */
    boolean remove(N namespace, long timestamp);

    /** Whether the timer (current key, {@code namespace}, {@code timestamp}) is there. */
    boolean contains(N namespace, long timestamp);

    /**
     * The smallest timestamp of all timers, or {@link Long#MAX_VALUE} when there are none ({@link #size()}
     * tells an empty store from one whose earliest timer is at {@code Long.MAX_VALUE}). Cheap: called
     * for every watermark.
     */
    long peekTimestamp();

    /**
     * Removes and returns the earliest timer if its timestamp is {@code <= maxTimestamp}; otherwise
     * returns {@code null} and changes nothing.
     */
    TimerEntry<N> poll(long maxTimestamp);

    /** The number of timers. Cheap: called for every watermark. */
    int size();

    /**
     * A copy of the timers of {@code keyGroup}, in no particular order.
     *
     * @throws IllegalArgumentException if this backend does not own {@code keyGroup}
     */
    List<TimerEntry<N>> timers(int keyGroup);
}
