package io.weir.api;

import io.weir.api.annotation.Stable;
import io.weir.api.metrics.JobMetrics;

import java.time.Duration;

/**
 * How a finished job ended.
 *
 * @param jobName  the job's name
 * @param status   {@link JobStatus#FINISHED} or {@link JobStatus#CANCELED} (a failure throws instead)
 * @param duration wall time from start to end
 * @param metrics  the final metrics
 */
@Stable
public record JobResult(String jobName, JobStatus status, Duration duration, JobMetrics metrics) {
}
