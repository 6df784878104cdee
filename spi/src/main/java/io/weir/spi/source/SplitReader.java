package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * Reads the splits assigned to one parallel subtask, without blocking.
 *
 * <p>Lifecycle: {@link #start()} once (a good moment for {@code context.sendSplitRequest()}); then, in
 * any order, {@link #addSplits}, {@link #notifyNoMoreSplits} and many {@link #pollNext} calls;
 * {@link #snapshotState} at checkpoints (between two {@code pollNext} calls); {@link #close()} at the end,
 * on every path (end of input, failure, cancel).
 *
 * <p>{@code pollNext} emits a few records (one is fine: the runtime calls it in a loop while downstream
 * has room) and must return promptly; a reader that waits for I/O returns
 * {@link ReadStatus#NOTHING_AVAILABLE} and is called again later. Returning
 * {@link ReadStatus#END_OF_INPUT} is final.
 *
 * <h2>Thread safety</h2>
 * All methods are called from the subtask's thread, never concurrently.
 *
 * @param <T> record type
 * @param <S> split type
 */
@Evolving
public interface SplitReader<T, S extends SourceSplit> extends AutoCloseable {

    /** Called once before anything else. */
    void start();

    /** New splits to read, appended to the reader's queue of work. */
    void addSplits(List<S> splits);

    /** No splits beyond the ones already added will come. */
    void notifyNoMoreSplits();

    /** Emits available records to {@code output}. */
    ReadStatus pollNext(SourceOutput<T> output) throws Exception;

    /** The unfinished splits with their current positions, so that reading can resume exactly there. */
    List<S> snapshotState(long checkpointId);

    @Override
    void close() throws Exception;
}
