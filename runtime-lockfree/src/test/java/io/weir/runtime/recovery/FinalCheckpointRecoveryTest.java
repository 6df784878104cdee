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
import org.junit.jupiter.params.provider.CsvSource;
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
     * Fails once, at the {@code nth} call at {@code point} for a checkpoint after {@code after} (only the
     * final checkpoint comes after it). The third {@link FaultPoint#DURING_COMMIT} call comes once at least
     * one sink subtask has committed its final transaction (each subtask passes the point twice per
     * commit, before and after its committer ran).
     */
    static final class FailAtTheFinalCheckpoint implements FaultInjector {
        final FaultPoint point;
        final int nth;
        final long after;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean fired = new AtomicBoolean();
        volatile long failedCheckpoint = -1;

        FailAtTheFinalCheckpoint(FaultPoint point, int nth, long after) {
            this.point = point;
            this.nth = nth;
            this.after = after;
        }

        @Override
        public void at(FaultPoint p, String task, int subtask, long detail) {
            if (p == point && detail > after && calls.incrementAndGet() == nth && fired.compareAndSet(false, true)) {
                failedCheckpoint = detail;
                throw new FaultInjector.InjectedFailure("injected at " + p + " of the final checkpoint in " + task);
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

    private JobClient start(GatedSource source, CommitLogSink sink, String scheduler, String restartStrategy,
                            FaultInjector faults) {
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, restartStrategy)
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        env.fromSource(source, "gated").setParallelism(1)
                .map(x -> x * 7).uid("times-seven").setParallelism(1)   // one producer: each key sees records in order
                .keyBy(x -> x % 5)
                .reduce(Long::sum).uid("sum")
                .map(x -> "sum=" + x).uid("format")
                .sinkTo(sink).uid("sink");
        return env.executeAsync("final-checkpoint");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dedicated", "cooperative"})
    void aFailureDuringTheFinalCommitRestartsFromTheFinalCheckpointAndCommitsExactlyOnce(String scheduler)
            throws Exception {
        GatedSource source = new GatedSource(CheckpointRecoveryTest.LAST);
        CommitLogSink sink = new CommitLogSink();
        Delegating faults = new Delegating();
        JobClient job = start(source, sink, scheduler, "fixed-delay", faults);

        source.release(2_000, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        FailAtTheFinalCheckpoint failure = new FailAtTheFinalCheckpoint(FaultPoint.DURING_COMMIT, 3, first.checkpointId());
        faults.target = failure;
        source.open(CheckpointRecoveryTest.LAST);
        job.await(BOUND);

        assertThat(failure.fired).as("the final commit failed").isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(completed(job)).as("the final checkpoint followed the first one and holds the failed commit")
                .containsExactly(first.checkpointId(), failure.failedCheckpoint);
        assertThat(sink.conflicts).as("transactions committed twice with other records").isEmpty();
        assertThat(sink.written.get()).as("records written: none replayed after the final checkpoint")
                .isEqualTo(CheckpointRecoveryTest.LAST);
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(CheckpointRecoveryTest.expected());
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"dedicated,BEFORE_SNAPSHOT", "cooperative,BEFORE_SNAPSHOT", "dedicated,AFTER_SNAPSHOT",
            "cooperative,AFTER_SNAPSHOT"})
    void aFailureWhileTakingTheFinalCheckpointReplaysFromTheLastOneAndCommitsExactlyOnce(String scheduler,
                                                                                       FaultPoint point) throws Exception {
        GatedSource source = new GatedSource(CheckpointRecoveryTest.LAST);
        CommitLogSink sink = new CommitLogSink();
        Delegating faults = new Delegating();
        JobClient job = start(source, sink, scheduler, "fixed-delay", faults);

        source.release(2_000, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        FailAtTheFinalCheckpoint failure = new FailAtTheFinalCheckpoint(point, 1, first.checkpointId());
        faults.target = failure;
        source.open(CheckpointRecoveryTest.LAST);
        job.await(BOUND);

        assertThat(failure.fired).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(completed(job)).as("the failed final checkpoint aborted; the restarted attempt took its own")
                .hasSize(2).first().isEqualTo(first.checkpointId());
        assertThat(sink.conflicts).isEmpty();
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(CheckpointRecoveryTest.expected());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dedicated", "cooperative"})
    void aJobThatCannotRestartCommitsAtTheEndWithoutAFinalCheckpoint(String scheduler) throws Exception {
        GatedSource source = new GatedSource(CheckpointRecoveryTest.LAST);
        CommitLogSink sink = new CommitLogSink();
        JobClient job = start(source, sink, scheduler, "none", new Delegating());
        source.open(CheckpointRecoveryTest.LAST);
        job.await(BOUND);

        assertThat(job.checkpointHistory()).as("no checkpoint: nothing could restore from it").isEmpty();
        assertThat(sink.commitCalls.keySet()).containsExactlyInAnyOrder("0@final", "1@final");
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(CheckpointRecoveryTest.expected());
    }

    private static List<Long> completed(JobClient job) {
        return job.checkpointHistory().stream().filter(c -> c.status() == CheckpointInfo.Status.COMPLETED)
                .map(CheckpointInfo::checkpointId).toList();
    }
}
