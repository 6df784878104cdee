package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

/**
 * An exactly-once sink: its writers pre-commit a transaction at each checkpoint barrier, and a
 * committer makes the transaction visible once the checkpoint is complete (two-phase commit, as
 * Flink's {@code TwoPhaseCommittingSink}).
 *
 * <p>Lifecycle, per parallel subtask: the runtime creates one {@link PrecommittingSinkWriter} and one
 * {@link Committer}. After a restore, the committer first commits the committables stored in the
 * restored checkpoint, then the writer aborts its leftovers ({@link PrecommittingSinkWriter#abortLeftovers}).
 * Then records are written; at the barrier of checkpoint {@code n} the writer pre-commits
 * ({@link PrecommittingSinkWriter#prepareCommit prepareCommit(n)}) and the committables are stored
 * in checkpoint {@code n}; once the checkpoint's metadata is written, the committer commits every
 * pending committable of checkpoints up to {@code n}. At the end of the input the writer pre-commits
 * with {@code Long.MAX_VALUE}, and those committables are committed when the whole job has finished.
 * Committables of a checkpoint that never completes are never committed by the runtime: the writer
 * aborts them after the next restore.
 *
 * <h2>Thread safety</h2>
 * {@link #createWriter}, {@link #createCommitter} and {@link #committableCodec} may be called
 * concurrently from the threads of different subtasks: one sink instance is shared by all of them.
 * Writers and committers themselves are confined to their subtask (see their contracts).
 *
 * @param <T> record type
 * @param <C> committable type: what a pre-committed transaction needs to be made visible
 */
@Evolving
public interface TwoPhaseCommitSink<T, C> extends WriterSink<T> {

    /** The writer of one parallel subtask. */
    @Override
    PrecommittingSinkWriter<T, C> createWriter(WriterContext context) throws Exception;

    /** The committer of one parallel subtask; it may receive committables of any former subtask. */
    Committer<C> createCommitter(WriterContext context) throws Exception;

    /**
     * The codec of committables, stored in checkpoints: its bytes must be stable across JVMs and
     * versions of the sink (no JVM-local ids); a change of format needs a version tag.
     */
    Codec<C> committableCodec();
}
