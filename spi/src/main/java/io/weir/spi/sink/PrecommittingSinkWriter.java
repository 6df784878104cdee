package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * The writer of a {@link TwoPhaseCommitSink}: writes records into an open transaction and, at each
 * checkpoint barrier, finishes it and hands back what the {@link Committer} needs to make it visible.
 * Nothing a writer writes may become visible before its committable is committed.
 *
 * <p>Lifecycle: after a restore, {@link #abortLeftovers} once (after the restored committables were
 * committed, before the first write); then {@link #write} calls, with {@link #prepareCommit} at every
 * checkpoint barrier; at the end of the input {@link #flush flush(true)} then
 * {@code prepareCommit(Long.MAX_VALUE)}, after which no more records come; {@link #close()} on every
 * path, also after a failure, when it must not make anything visible.
 *
 * <h2>Thread safety</h2>
 * Called from the subtask's thread only (close after a failure possibly from the job's supervisor
 * thread once the subtask's thread has stopped). An exception from any method fails the job, which
 * then restarts from the newest complete checkpoint.
 *
 * @param <T> record type
 * @param <C> committable type
 */
@Evolving
public interface PrecommittingSinkWriter<T, C> extends SinkWriter<T> {

    /**
     * At the barrier of checkpoint {@code checkpointId} (and at the end of the input with
     * {@code checkpointId = Long.MAX_VALUE}): finishes the current transaction durably and returns
     * what the committer needs to make it visible (possibly nothing). Records written afterwards belong
     * to the next transaction. Checkpoint ids grow from call to call.
     */
    List<C> prepareCommit(long checkpointId) throws Exception;

    /**
     * After a restore: aborts every transaction of this subtask that is not among {@code committed}
     * (leftovers of checkpoints that never completed). {@code committed} are the committables of the
     * restored checkpoint that this subtask received; they are already committed. On rescaling other
     * subtasks may be committing committables of this subtask's former index at the same time, so a
     * writer must tell leftovers from those without relying on {@code committed} alone, typically by
     * {@link WriterContext#restoredCheckpointId()}. Called once, before the first write.
     */
    void abortLeftovers(List<C> committed) throws Exception;
}
