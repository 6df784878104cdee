package io.weir.runtime.fault;

/** The named places where a {@link FaultInjector} is asked whether to fail. */
public enum FaultPoint {
    /** A task received (or, for a source, was marked for) checkpoint n, before its synchronous snapshot. */
    BEFORE_SNAPSHOT,
    /** A task took the synchronous part of its snapshot of checkpoint n. */
    AFTER_SNAPSHOT,
    /** A two-phase-commit sink pre-committed checkpoint n and has not committed it yet. */
    AFTER_PRECOMMIT,
    /** A two-phase-commit sink is committing checkpoint n (before the committer call). */
    DURING_COMMIT,
    /** A task hands a batch of records to a channel. */
    CHANNEL_HANDOFF,
    /** A source task is about to poll its reader. */
    SOURCE_READ,
    /** A user function is about to process a record ({@code count} = records this subtask's operator saw). */
    USER_FUNCTION
}
