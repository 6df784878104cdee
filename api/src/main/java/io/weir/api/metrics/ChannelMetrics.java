package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

/**
 * The fill level of one channel between two subtasks.
 *
 * @param producer the producing task and subtask, such as {@code "map (1/2)"}
 * @param consumer the consuming task and subtask
 * @param size     elements published and not yet consumed
 * @param capacity how many elements the channel holds when full
 */
@Stable
public record ChannelMetrics(String producer, String consumer, long size, long capacity) {

    /** {@code size / capacity}, between 0 and 1 (above 1 while the producer holds pending batches). */
    public double fillLevel() {
        return capacity == 0 ? 0 : (double) size / capacity;
    }
}
