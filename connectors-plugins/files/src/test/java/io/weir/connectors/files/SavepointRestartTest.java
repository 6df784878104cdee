package io.weir.connectors.files;

import io.weir.api.JobClient;
import io.weir.api.JobFailedException;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job started from a savepoint (execution.savepoint.path) and what follows: checkpoint ids continue after
 * the savepoint's (as in Flink, where the restored savepoint sets the checkpoint id counter), and a failure
 * before the job's first own checkpoint restarts it from the savepoint again, not from scratch.
 */
class SavepointRestartTest {
    private static final long AT = 3_050;
    private static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path savepoints;

    @TempDir
    Path output;

    @TempDir
    Path checkpointsA;

    @TempDir
    Path checkpointsB;

    @TempDir
    Path checkpointsC;

    private static StreamEnvironment environment(int parallelism, Path checkpoints) {
        return StreamEnvironment.create().setParallelism(parallelism)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString());
    }

    private static CheckpointInfo completed(CompletableFuture<CheckpointInfo> future) throws Exception {
        CheckpointInfo info = future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(info.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        return info;
    }

    /** Runs {@link WindowCountJob} up to {@link #AT} after three checkpoints, then stops it with savepoint 4. */
    private CheckpointInfo windowsStoppedWithSavepoint() throws Exception {
        GatedSource source = new GatedSource(LAST);
        StreamEnvironment env = environment(2, checkpointsA);
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows");
        for (long upTo : new long[]{1_000, 2_000, AT}) {
            source.release(upTo, BOUND);
            completed(job.triggerCheckpoint());
        }
        CheckpointInfo savepoint = completed(job.stopWithSavepoint(savepoints.resolve("sp").toString()));
        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(savepoint.checkpointId()).isEqualTo(4);
        return savepoint;
    }

    @Test
    void shouldNumberCheckpointsAfterTheSavepointTheJobStartedFrom() throws Exception {
        CheckpointInfo savepoint = windowsStoppedWithSavepoint();
        GatedSource source = new GatedSource(LAST);
        StreamEnvironment env = environment(2, checkpointsB) // a fresh checkpoint directory
                .configure(RecoveryOptions.SAVEPOINT_PATH, savepoint.location());
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows-resumed");

        source.release(AT + 500, BOUND);
        CheckpointInfo next = completed(job.triggerCheckpoint());
        source.open(LAST);
        job.await(BOUND);

        assertThat(next.checkpointId()).as("the first checkpoint after restoring savepoint %s",
                savepoint.checkpointId()).isGreaterThan(savepoint.checkpointId());
    }

    @Test
    void shouldRestoreTheSavepointAgainWhenTheJobFailsBeforeItsFirstCheckpoint() throws Exception {
        CheckpointInfo savepoint = windowsStoppedWithSavepoint();
        GatedSource source = new GatedSource(LAST);
        FailOnce faults = FailOnce.at(FaultPoint.SOURCE_READ);
        StreamEnvironment env = environment(2, checkpointsB)
                .configure(RecoveryOptions.SAVEPOINT_PATH, savepoint.location())
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows-resumed");

        source.release(4_000, BOUND);
        faults.arm();
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired()).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(source.assignments()).as("both attempts start from the savepoint")
                .containsExactly(new GatedSource.Split(0, AT + 1), new GatedSource.Split(0, AT + 1));
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(WindowCountJob.expected(LAST));
    }

    /**
     * The consequence of restarting checkpoint ids at 1 after a savepoint restore: the file sink names a part
     * after the checkpoint it follows ({@code transaction} = restored id + 1 = 5 here) and, after a restore of
     * checkpoint R, deletes staged parts of its subtask indexes whose transaction is above R as leftovers. A
     * savepoint with id 1 holding such a part, restored at a lower parallelism, lets subtask 0 (which cleans up
     * for the vanished subtask 2) delete the part that subtask 1 was handed to commit.
     */
    @Test
    void shouldKeepEveryPartWhenRescalingFromASavepointWhoseCommitFailed() throws Exception {
        // job A, parallelism 1: checkpoints 1-3, stopped with savepoint 4
        GatedSource a = SplitSumJob.source(LAST);
        StreamEnvironment envA = environment(1, checkpointsA);
        SplitSumJob.build(envA, a, output);
        JobClient jobA = envA.executeAsync("sums-a");
        for (long upTo : new long[]{500, 1_000, 1_500}) {
            a.release(upTo, BOUND);
            completed(jobA.triggerCheckpoint());
        }
        a.release(2_000, BOUND);
        CheckpointInfo first = completed(jobA.stopWithSavepoint(savepoints.resolve("a").toString()));
        assertThat(jobA.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);

        // job B, parallelism 3, fresh checkpoint directory: a savepoint whose commit fails in sink subtask 2
        GatedSource b = SplitSumJob.source(LAST);
        StreamEnvironment envB = environment(3, checkpointsB)
                .configure(RecoveryOptions.SAVEPOINT_PATH, first.location())
                .configure(FaultInjector.OPTION, FailOnce.atFirstCheckpointInSubtask(FaultPoint.DURING_COMMIT, 2));
        SplitSumJob.build(envB, b, output);
        JobClient jobB = envB.executeAsync("sums-b");
        b.release(4_000, BOUND);
        CheckpointInfo second = completed(jobB.triggerSavepoint(savepoints.resolve("b").toString()));
        assertThatThrownBy(() -> jobB.await(BOUND)).isInstanceOf(JobFailedException.class);

        // job C, parallelism 2, one worker thread: sink subtask 0 cleans up before subtask 1 commits
        GatedSource c = SplitSumJob.source(LAST);
        c.open(LAST);
        StreamEnvironment envC = environment(2, checkpointsC)
                .configure(RecoveryOptions.SAVEPOINT_PATH, second.location())
                .configure(ExecutionOptions.SCHEDULER, "cooperative")
                .configure(ExecutionOptions.WORKERS, 1);
        SplitSumJob.build(envC, c, output);
        JobClient jobC = envC.executeAsync("sums-c");

        assertThat(jobC.await(BOUND).status()).as("savepoint %s after savepoint %s", second.checkpointId(),
                first.checkpointId()).isEqualTo(JobStatus.FINISHED);
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(SplitSumJob.expected(LAST));
    }
}
