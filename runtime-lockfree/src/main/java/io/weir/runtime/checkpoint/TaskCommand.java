package io.weir.runtime.checkpoint;

/** A command the job's supervisor sends to a tasklet, executed on the tasklet's thread at its next call. */
public sealed interface TaskCommand {

    /** Checkpoint {@code checkpointId} is complete: notify operators (sinks commit). */
    record NotifyComplete(long checkpointId) implements TaskCommand {
    }

    /** Checkpoint {@code checkpointId} was aborted: stop aligning for it. */
    record Abort(long checkpointId) implements TaskCommand {
    }

    /**
     * For a source coordinator: trigger checkpoint {@code checkpointId} (snapshot the enumerator, mark the
     * readers). For a task, only the final checkpoint comes this way (no barriers: every task has reached the
     * end of its input, nothing is in flight): the task snapshots its operators at once.
     */
    record Trigger(long checkpointId, long timestamp, boolean savepoint) implements TaskCommand {
    }
}
