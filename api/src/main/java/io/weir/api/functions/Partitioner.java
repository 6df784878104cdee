package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Chooses the downstream subtask for a key in {@code partitionCustom}. Must be deterministic and return
 * a value in {@code [0, numPartitions)}; anything else fails the job naming the operator.
 *
 * @param <K> key type
 */
@Stable
@FunctionalInterface
public interface Partitioner<K> extends java.io.Serializable {
    int partition(K key, int numPartitions);
}
