package io.weir.testkit.internal;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultInjector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the kit sets up and drives its jobs: checkpoints into the test's directory (no periodic
 * checkpoints: the kit triggers each one at a known point), a fixed-delay restart strategy with no delay,
 * and the fault injector of the test.
 */
public final class Jobs {
    private Jobs() {
    }

    /** An environment for one test job. */
    public static StreamEnvironment environment(Path checkpoints, int parallelism, FaultInjector faults) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO);
        if (faults != null) {
            env.configure(FaultInjector.OPTION, faults);
        }
        return env;
    }

    /** Triggers a checkpoint and waits for it; throws {@link AssertionError} if it does not complete within {@code bound}. */
    public static CheckpointInfo checkpoint(JobClient job, Duration bound) throws InterruptedException {
        try {
            CheckpointInfo info = job.triggerCheckpoint().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (info.status() != CheckpointInfo.Status.COMPLETED) {
                throw new AssertionError("the kit's checkpoint did not complete: " + info);
            }
            return info;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the kit's checkpoint did not complete within " + bound + ": " + e, e);
        }
    }

    /** Triggers a checkpoint that an injected failure may abort; empty when it was aborted. */
    public static Optional<CheckpointInfo> checkpointThatMayFail(JobClient job, Duration bound)
            throws InterruptedException {
        try {
            CheckpointInfo info = job.triggerCheckpoint().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return info.status() == CheckpointInfo.Status.COMPLETED ? Optional.of(info) : Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Waits for the end of the job; a failure or a timeout is an {@link AssertionError} with the cause. */
    public static void await(JobClient job, Duration bound) throws InterruptedException {
        try {
            job.await(bound);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("job '" + job.jobName() + "' did not finish within " + bound
                    + " (is the connector bounded in this configuration?)", e);
        }
    }
}
