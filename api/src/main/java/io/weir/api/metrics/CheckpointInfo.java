package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

import java.time.Duration;

/**
 * One checkpoint or savepoint of a job, as {@code JobClient.checkpointHistory()} reports it.
 *
 * @param checkpointId id
 * @param savepoint    {@code true} for a savepoint
 * @param status       how it ended
 * @param duration     from trigger to completion (or abort)
 * @param bytes        bytes of state written
 * @param alignment    the longest barrier alignment of any task
 * @param location     where it is stored (restore from it with {@code execution.savepoint.path}), or {@code null}
 * @param reason       why it was aborted, or {@code null}
 */
@Stable
public record CheckpointInfo(long checkpointId, boolean savepoint, Status status, Duration duration, long bytes,
                             Duration alignment, String location, String reason) {

    /** How a checkpoint ended. */
    @Stable
    public enum Status { COMPLETED, ABORTED }
}
