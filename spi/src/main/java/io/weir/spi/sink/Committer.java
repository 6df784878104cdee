package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * Makes pre-committed transactions of a {@link TwoPhaseCommitSink} visible: called after the
 * checkpoint that holds them is complete (its metadata written), after a restore for the committables
 * of the restored checkpoint, and at the end of the job for those pre-committed at the end of input.
 *
 * <p>Idempotence: the same committable may be committed more than once (a failure after the commit but
 * before the runtime forgot it, a restore of a checkpoint whose committables were already committed);
 * committing an already committed one must succeed and change nothing. After rescaling, a committer
 * may receive committables that another subtask's writer produced.
 *
 * <h2>Thread safety</h2>
 * Called from one thread at a time: the subtask's thread, or for the end-of-job commit the thread that
 * finishes the job. An exception means some committables may not be visible: the job fails, and the
 * committables are committed again after the restore, so a committer must not throw for a committable
 * it can still commit later. A committable that can never be committed (its data is gone) is an error
 * naming what is missing.
 *
 * @param <C> committable type
 */
@Evolving
public interface Committer<C> extends AutoCloseable {

    /** Makes {@code committables} visible; idempotent (see the class contract). */
    void commit(List<C> committables) throws Exception;

    /** Releases resources; called on every path. */
    @Override
    void close() throws Exception;
}
