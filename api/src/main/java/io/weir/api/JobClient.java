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

    /** The number of times the job was restarted after a failure so far. */
    default int restarts() {
        return 0;
    }

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

    /** Every checkpoint and savepoint of this run so far, oldest first. */
    java.util.List<io.weir.api.metrics.CheckpointInfo> checkpointHistory();

    /**
     * Triggers a checkpoint now (checkpoint storage must be configured; the periodic interval may be 0).
     * Completes when it is complete, exceptionally when it is aborted.
     */
    CompletableFuture<io.weir.api.metrics.CheckpointInfo> triggerCheckpoint();

    /**
     * Triggers a savepoint into {@code directory}: a self-contained checkpoint that is never deleted and that a
     * job (possibly with another parallelism) can start from with {@code execution.savepoint.path}.
     */
    CompletableFuture<io.weir.api.metrics.CheckpointInfo> triggerSavepoint(String directory);

    /**
     * Takes a savepoint into {@code directory}, lets sinks commit it, then stops the job (status FINISHED).
     * Completes with the savepoint.
     */
    CompletableFuture<io.weir.api.metrics.CheckpointInfo> stopWithSavepoint(String directory);
}
