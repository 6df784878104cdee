package io.weir.runtime.recovery;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The final checkpoint (FLIP-147): once every task has reached the end of its input the job takes one more
 * checkpoint, in which the sinks pre-commit their final transactions; a failure while they commit restarts
 * from it, reads nothing again and commits exactly the failure-free output.
 */
class FinalCheckpointRecoveryTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    /**
     * Fails at the third {@link FaultPoint#DURING_COMMIT} call of a checkpoint after {@code after}: the
     * final commit, once at least one sink subtask has committed its final transaction (each subtask passes
     * the point twice per commit, before and after its committer ran).
     */
    static final class FailDuringFinalCommit implements FaultInjector {
        final long after;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean fired = new AtomicBoolean();
        volatile long failedCheckpoint = -1;

        FailDuringFinalCommit(long after) {
            this.after = after;
        }

        @Override
        public void at(FaultPoint p, String task, int subtask, long detail) {
            if (p == FaultPoint.DURING_COMMIT && detail > after && calls.incrementAndGet() == 3
                    && fired.compareAndSet(false, true)) {
                failedCheckpoint = detail;
                throw new FaultInjector.InjectedFailure("injected during the final commit in " + task);
            }
        }
    }

    /** Arms the real injector once the first checkpoint is known. */
    static final class Delegating implements FaultInjector {
        volatile FaultInjector target;

        @Override
        public void at(FaultPoint p, String task, int subtask, long detail) {
            FaultInjector t = target;
            if (t != null) {
                t.at(p, task, subtask, detail);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dedicated", "cooperative"})
    void aFailureDuringTheFinalCommitRestartsFromTheFinalCheckpointAndCommitsExactlyOnce(String scheduler)
            throws Exception {
        GatedSource source = new GatedSource(CheckpointRecoveryTest.LAST);
        CommitLogSink sink = new CommitLogSink();
        Delegating faults = new Delegating();
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        env.fromSource(source, "gated").setParallelism(1)
                .map(x -> x * 7).uid("times-seven").setParallelism(1)
                .keyBy(x -> x % 5)
                .reduce(Long::sum).uid("sum")
                .map(x -> "sum=" + x).uid("format")
                .sinkTo(sink).uid("sink");
        JobClient job = env.executeAsync("final-commit-failure");

        source.release(2_000, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        FailDuringFinalCommit failure = new FailDuringFinalCommit(first.checkpointId());
        faults.target = failure;
        source.open(CheckpointRecoveryTest.LAST);
        job.await(BOUND);

        assertThat(failure.fired).as("the final commit failed").isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        List<CheckpointInfo> completed = job.checkpointHistory().stream()
                .filter(c -> c.status() == CheckpointInfo.Status.COMPLETED).toList();
        assertThat(completed).extracting(CheckpointInfo::checkpointId)
                .as("the final checkpoint followed the first one and holds the failed commit")
                .containsExactly(first.checkpointId(), failure.failedCheckpoint);
        assertThat(sink.conflicts).as("transactions committed twice with other records").isEmpty();
        assertThat(sink.written.get()).as("records written: none replayed after the final checkpoint")
                .isEqualTo(CheckpointRecoveryTest.LAST);
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(CheckpointRecoveryTest.expected());
    }
}
