package io.weir.runtime.recovery;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once end to end: a keyed job with a transactional sink checkpoints at known positions of a gated
 * source, fails at a chosen point, restarts from the newest checkpoint and must commit exactly the output
 * of a run without failures, on both schedulers and both exchange modes.
 */
class CheckpointRecoveryTest {
    static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    static Stream<Arguments> cases() {
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

    /** Throws once, at the first call at {@code point} after {@code armed} is set. */
    static final class FailOnce implements FaultInjector {
        final FaultPoint point;
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicBoolean fired = new AtomicBoolean();

        FailOnce(FaultPoint point) {
            this.point = point;
        }

        @Override
        public void at(FaultPoint p, String task, int subtask, long detail) {
            if (p == point && armed.get() && fired.compareAndSet(false, true)) {
                throw new FaultInjector.InjectedFailure("injected at " + p + " in " + task);
            }
        }
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("cases")
    void shouldCommitExactlyTheFailureFreeOutputAfterAFailure(String scheduler, ExchangeMode mode, FaultPoint point)
            throws Exception {
        GatedSource source = new GatedSource(LAST);
        CommitLogSink sink = new CommitLogSink();
        FailOnce faults = new FailOnce(point);
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        env.fromSource(source, "gated").setParallelism(1)
                .map(x -> x * 7).uid("times-seven").setParallelism(1)   // one producer: each key sees records in order
                .keyBy(x -> x % 5)
                .reduce(Long::sum).uid("sum")
                .map(x -> "sum=" + x).uid("format")
                .sinkTo(sink).uid("sink");
        JobClient job = env.executeAsync("exactly-once");

        source.release(2_000, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(3_000, BOUND);
        faults.armed.set(true);
        CheckpointInfo second = null;
        try {
            second = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception aborted) {
            // the failure may hit this checkpoint: it is then aborted, and recovery goes back to the first
        }
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired).as("the fault at %s fired", point).isTrue();
        assertThat(job.restarts()).as("restarts (second checkpoint: %s)", second).isEqualTo(1);
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(expected());
    }

    /** The output of the same job without failures: rolling sums of 7x per key x % 5, in order. */
    static List<String> expected() {
        Map<Long, Long> sums = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (long x = 1; x <= LAST; x++) {
            long v = x * 7;
            out.add("sum=" + sums.merge(v % 5, v, Long::sum));
        }
        return out;
    }
}
