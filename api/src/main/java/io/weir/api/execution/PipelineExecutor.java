package io.weir.api.execution;

import io.weir.api.JobClient;
import io.weir.api.annotation.Internal;

/**
 * Runs a {@link JobPlan}. {@link #execute} validates the plan (a clear {@code IllegalArgumentException}
 * or {@code CodecException} for anything wrong in it, before any record flows), starts the job and
 * returns at once.
 */
@Internal
public interface PipelineExecutor {
    JobClient execute(JobPlan plan);
}
