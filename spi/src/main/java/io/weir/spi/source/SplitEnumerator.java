package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * Discovers splits and assigns them to readers, on request. One enumerator per source per job run.
 *
 * <p>Lifecycle: {@link #start()} once; then {@link #handleSplitRequest} each time a reader asks for work,
 * and {@link #addSplitsBack} when splits must be handed out again after a failure; {@link #snapshotState}
 * at checkpoints; {@link #close()} at the end.
 *
 * <h2>Thread safety</h2>
 * All methods are called from one runtime thread (the source's coordinator), never concurrently, and
 * must not block for long.
 *
 * @param <S> split type
 */
@Evolving
public interface SplitEnumerator<S extends SourceSplit> extends AutoCloseable {

    /** Called once before any request. */
    void start();

    /** The reader of {@code subtask} wants a split; answer with {@code assignSplit} or {@code signalNoMoreSplits}. */
    void handleSplitRequest(int subtask);

    /** Splits that were assigned to {@code subtask} but must be assigned again. */
    void addSplitsBack(List<S> splits, int subtask);

    /** The splits not yet assigned, to be stored in a checkpoint. */
    List<S> snapshotState(long checkpointId);

    @Override
    default void close() {
    }
}
