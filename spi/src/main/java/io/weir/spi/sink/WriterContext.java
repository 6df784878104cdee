package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

import java.util.OptionalLong;

/**
 * What a {@link SinkWriter} (or {@link Committer}) learns about where it runs.
 *
 * <h2>Thread safety</h2>
 * Immutable for the life of the writer; readable from any thread.
 */
@Evolving
public interface WriterContext {

    /** This subtask's index, from 0. */
    int subtaskIndex();

    /** The sink's parallelism (after rescaling: the new one). */
    int parallelism();

    /** The job's configuration. */
    Configuration configuration();

    /**
     * The id of the checkpoint (or savepoint) this subtask was restored from, or empty on a fresh
     * start. Transactional writers use it to tell transactions that a completed checkpoint holds (ids up
     * to it) from leftovers (started after it), as Flink's {@code InitContext.getRestoredCheckpointId}.
     */
    default OptionalLong restoredCheckpointId() {
        return OptionalLong.empty();
    }
}
