package io.weir.api;

import io.weir.api.annotation.Stable;
import io.weir.api.metrics.JobMetrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A handle on a running job, from {@link StreamEnvironment#executeAsync(String)}.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: any thread may query, await or cancel.
 */
@Stable
public interface JobClient {

    /** The job's name. */
    String jobName();

    /** The current status. */
    JobStatus status();

    /** Completes with the result when the job ends, or exceptionally with {@link JobFailedException}. */
    CompletableFuture<JobResult> resultFuture();

    /** Waits for the end of the job; throws {@link JobFailedException} if it failed. */
    default JobResult await() {
        try {
            return resultFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof JobFailedException f) {
                throw f;
            }
            throw new JobFailedException("job '" + jobName() + "' failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits at most {@code timeout}; throws {@link TimeoutException} if the job is still running then. */
    default JobResult await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return resultFuture().get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof JobFailedException f) {
                throw f;
            }
            throw new JobFailedException("job '" + jobName() + "' failed: " + e.getCause(), e.getCause());
        }
    }

    /** Cancels the job (idempotent); the result future then completes with status CANCELED. */
    void cancel();

    /** A snapshot of the job's metrics (live while it runs, final after it ends). */
    JobMetrics metrics();
}
