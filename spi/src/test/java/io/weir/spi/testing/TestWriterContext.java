package io.weir.spi.testing;

import io.weir.api.config.Configuration;
import io.weir.spi.sink.WriterContext;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@link WriterContext} with fixed values, for a sink writer or committer created by hand: a
 * {@link #fresh fresh start} or a {@link #restored restore} from a checkpoint. Immutable, so thread safe.
 *
 * @param subtaskIndex         this subtask's index, in {@code [0, parallelism)}
 * @param parallelism          the sink's parallelism, at least 1
 * @param configuration        the job's configuration
 * @param restoredCheckpointId the checkpoint restored from, or empty on a fresh start
 */
public record TestWriterContext(int subtaskIndex, int parallelism, Configuration configuration,
                                OptionalLong restoredCheckpointId) implements WriterContext {
    /** @throws IllegalArgumentException if the index or parallelism is out of range */
    public TestWriterContext {
        if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("writer context: subtask " + subtaskIndex + " of parallelism "
                    + parallelism + " is not a subtask (want 0 <= subtask < parallelism)");
        }
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(restoredCheckpointId, "restoredCheckpointId");
    }

    /** Subtask {@code subtaskIndex} of {@code parallelism}, fresh start, empty configuration. */
    public static TestWriterContext fresh(int subtaskIndex, int parallelism) {
        return new TestWriterContext(subtaskIndex, parallelism, new Configuration(), OptionalLong.empty());
    }

    /** Subtask {@code subtaskIndex} of {@code parallelism}, restored from {@code checkpointId}, empty configuration. */
    public static TestWriterContext restored(int subtaskIndex, int parallelism, long checkpointId) {
        return new TestWriterContext(subtaskIndex, parallelism, new Configuration(), OptionalLong.of(checkpointId));
    }
}
