/**
 * The checkpoint-storage SPI: where checkpoints and savepoints are written, how one is completed
 * atomically, found again and pruned. A {@link io.weir.spi.checkpoint.CheckpointStorageFactory} (found by
 * {@link java.util.ServiceLoader}, chosen by name with {@code checkpoint.storage}) creates one job's
 * {@link io.weir.spi.checkpoint.CheckpointStorage}.
 */
@Evolving
package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;
