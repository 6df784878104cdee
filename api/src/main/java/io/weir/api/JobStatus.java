package io.weir.api;

import io.weir.api.annotation.Stable;

/** Where a job is in its life. */
@Stable
public enum JobStatus {
    CREATED, RUNNING, RESTARTING, FINISHED, FAILED, CANCELED;

    /** {@code true} once the job can no longer change status. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
