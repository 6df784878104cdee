package io.weir.connectors.chronicle;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jobs through the real runtime: the committed output in the queue, read with read-committed, must equal a
 * failure-free run's output exactly once, whatever fails and wherever.
 */
class ChronicleJobTest {
    static final long FIRST = 1_050;
    static final long SECOND = 2_050;
    static final long LAST = 4_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    @TempDir
    Path queues;

    static StreamEnvironment environment(ExchangeMode mode, Path checkpoints, FaultInjector faults) {
        return environment("dedicated", mode, checkpoints, faults);
    }

    static StreamEnvironment environment(String scheduler, ExchangeMode mode, Path checkpoints, FaultInjector faults) {
        return StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.WATCHDOG_TIMEOUT, BOUND)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
    }

    static Stream<Arguments> faults() {
        List<Arguments> all = new ArrayList<>();
        for (String scheduler : List.of("dedicated", "cooperative")) {
            for (ExchangeMode mode : ExchangeMode.values()) {
                for (FaultPoint point : FaultPoint.values()) {
                    all.add(Arguments.of(scheduler, mode, point));
                }
            }
        }
        return all.stream();
    }

    private static List<String> expected(long last) {
        return LongStream.rangeClosed(1, last).mapToObj(x -> "v" + x).toList();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("faults")
    void shouldCommitEveryRecordExactlyOnceAfterAFailureAnywhere(String scheduler, ExchangeMode mode, FaultPoint point)
            throws Exception {
        Path out = queues.resolve("out");
        GatedSource source = GatedSource.withSplits(LAST, 2);
        FailOnce faults = new FailOnce(point);
        StreamEnvironment env = environment(scheduler, mode, checkpoints, faults);
        env.fromSource(source, "gated").uid("gated")
                .rebalance()
                .map(x -> "v" + x).returns(String.class).uid("format")
                .sinkTo(ChronicleSink.builder(out, RecordFormat.strings()).sinkId("e2e").build()).uid("chronicle");
        JobClient job = env.executeAsync("gated-into-chronicle");

        source.release(FIRST, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(SECOND, BOUND);
        faults.arm();
        String second;
        try {
            second = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).toString();
        } catch (Exception aborted) {
            second = "aborted: " + aborted;
        }
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired()).as("the fault at %s fired", point).isTrue();
        assertThat(job.restarts()).as("restarts (checkpoint 2: %s)", second).isEqualTo(1);
        assertThat(ChronicleRecords.readCommitted(out, RecordFormat.strings()))
                .containsExactlyInAnyOrderElementsOf(expected(LAST));
        assertThat(Drive.tailCommitted(out)).containsExactlyInAnyOrderElementsOf(expected(LAST));
    }

    @Test
    void shouldAbortTheLeftoversOfAFailedJobRestartedFromItsCheckpointAtALowerParallelism() throws Exception {
        Path out = queues.resolve("out");
        // run 1, parallelism 3: checkpoint 1 completes; checkpoint 2 is pre-committed by the sinks, then the job
        // fails for good (no restart strategy) before checkpoint 2 completes
        GatedSource first = GatedSource.withSplits(LAST, 6);
        FailOnce faults = new FailOnce(FaultPoint.AFTER_PRECOMMIT);
        StreamEnvironment env = environment(ExchangeMode.OBJECT, checkpoints, faults).setParallelism(3)
                .configure(RecoveryOptions.RESTART_STRATEGY, "none");
        rescalable(env, first, out);
        JobClient job = env.executeAsync("chronicle-p3");
        first.release(FIRST, BOUND);
        CheckpointInfo completed = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        first.release(SECOND, BOUND);
        faults.arm();
        job.triggerCheckpoint().handle((r, e) -> r);
        assertThatThrownBy(() -> job.await(BOUND)).isInstanceOf(io.weir.api.JobFailedException.class);
        assertThat(faults.fired()).isTrue();
        assertThat(ChronicleRecords.readUncommitted(out, RecordFormat.strings()))
                .as("records of the failed checkpoint are in the queue").hasSizeGreaterThan((int) FIRST);

        // run 2, parallelism 2, from checkpoint 1: subtask 0 fences indexes 0 and 2.., subtask 1 fences 1
        GatedSource second = GatedSource.withSplits(LAST, 6);
        StreamEnvironment resumed = environment(ExchangeMode.OBJECT, checkpoints, (p, t, s, d) -> { })
                .configure(RecoveryOptions.SAVEPOINT_PATH, completed.location());
        rescalable(resumed, second, out);
        JobClient job2 = resumed.executeAsync("chronicle-p2");
        second.open(LAST);
        job2.await(BOUND);

        assertThat(ChronicleRecords.readCommitted(out, RecordFormat.strings()))
                .containsExactlyInAnyOrderElementsOf(expected(LAST));
        assertThat(Drive.tailCommitted(out)).as("a tailing reader is not held back by the failed run's leftovers")
                .containsExactlyInAnyOrderElementsOf(expected(LAST));
    }

    private static void rescalable(StreamEnvironment env, GatedSource source, Path out) {
        env.fromSource(source, "gated").uid("gated")
                .map(x -> "v" + x).returns(String.class).uid("format")
                .sinkTo(ChronicleSink.builder(out, RecordFormat.strings()).sinkId("rescaled").build()).uid("chronicle");
    }

    @Test
    void shouldCopyBoundedQueuesIntoAQueueOnce() {
        Path in0 = queues.resolve("in0");
        Path in1 = queues.resolve("in1");
        Path out = queues.resolve("out");
        List<String> a = LongStream.rangeClosed(1, 3000).mapToObj(x -> "a" + x).toList();
        List<String> b = LongStream.rangeClosed(1, 2000).mapToObj(x -> "b" + x).toList();
        ChronicleRecords.append(in0, RecordFormat.strings(), a);
        ChronicleRecords.append(in1, RecordFormat.strings(), b);
        StreamEnvironment env = environment(ExchangeMode.OBJECT, checkpoints, (p, t, s, d) -> { });
        env.fromSource(ChronicleSource.builder(RecordFormat.strings()).queue(in0).queue(in1).bounded().build(), "in")
                .sinkTo(ChronicleSink.builder(out, RecordFormat.strings()).build());
        env.execute("copy");

        List<String> copied = ChronicleRecords.readCommitted(out, RecordFormat.strings());
        assertThat(copied).hasSize(5000);
        assertThat(copied.stream().filter(s -> s.startsWith("a")).toList()).isEqualTo(a);
        assertThat(copied.stream().filter(s -> s.startsWith("b")).toList()).isEqualTo(b);
    }

    @Test
    void shouldResumeTailingSourcesAtTheCheckpointedIndexAfterAFailure() throws Exception {
        Path in0 = queues.resolve("in0");
        Path in1 = queues.resolve("in1");
        Path out = queues.resolve("out");
        ChronicleRecords.append(in0, RecordFormat.strings(), range("a", 1, 2000));
        ChronicleRecords.append(in1, RecordFormat.strings(), range("b", 1, 2000));
        FailOnce faults = new FailOnce(FaultPoint.USER_FUNCTION, 1500);
        StreamEnvironment env = environment(ExchangeMode.OBJECT, checkpoints, faults);
        env.fromSource(ChronicleSource.builder(RecordFormat.strings()).queue(in0).queue(in1).build(), "in").uid("in")
                .map(String::toUpperCase).returns(String.class).uid("upper")
                .sinkTo(ChronicleSink.builder(out, RecordFormat.strings()).sinkId("copy").build()).uid("out");
        JobClient job = env.executeAsync("tail-and-copy");

        awaitUncommitted(out, 4000);
        assertThat(job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).status())
                .isEqualTo(CheckpointInfo.Status.COMPLETED);
        faults.arm();
        ChronicleRecords.append(in0, RecordFormat.strings(), range("a", 2001, 4000));
        ChronicleRecords.append(in1, RecordFormat.strings(), range("b", 2001, 4000));
        List<String> committed = commitUntil(job, out, 8000);
        job.cancel();
        job.resultFuture().handle((r, e) -> r).get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertThat(faults.fired()).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(committed).hasSize(8000);
        assertThat(committed.stream().filter(s -> s.startsWith("A")).toList())
                .isEqualTo(range("A", 1, 4000));
        assertThat(committed.stream().filter(s -> s.startsWith("B")).toList())
                .isEqualTo(range("B", 1, 4000));
        assertThat(ChronicleRecords.readUncommitted(out, RecordFormat.strings()).size())
                .as("the failed attempt wrote records after the checkpoint, which were aborted").isGreaterThan(8000);
    }

    private static List<String> range(String prefix, int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
    }

    private static void awaitUncommitted(Path out, int count) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!java.nio.file.Files.isDirectory(out)
                || ChronicleRecords.readUncommitted(out, RecordFormat.strings()).size() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the job did not write " + count + " records within " + BOUND);
            }
            Thread.onSpinWait();
        }
    }

    /** Triggers checkpoints (each commits) until the committed output has {@code count} records. */
    private static List<String> commitUntil(JobClient job, Path out, int count) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            try {
                job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception restarting) {
                // the job is failing or restarting: try again
            }
            List<String> committed = ChronicleRecords.readCommitted(out, RecordFormat.strings());
            if (committed.size() >= count) {
                return committed;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("only " + committed.size() + " of " + count
                        + " records committed within " + BOUND + " (restarts: " + job.restarts() + ")");
            }
        }
    }
}
