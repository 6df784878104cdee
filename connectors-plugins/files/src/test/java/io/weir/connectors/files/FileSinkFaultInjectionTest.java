package io.weir.connectors.files;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once into files under one injected failure at every {@link FaultPoint}: the keyed windowed
 * {@link WindowCountJob} checkpoints at known positions of its gated source (checkpoint 1 after record
 * 2050, checkpoint 2 after record 3050: both hold open windows and their timers), fails once at the point
 * (armed between the two checkpoints), restarts from the newest complete checkpoint, and must leave
 * committed part files whose lines are exactly those of a failure-free run (no loss, no duplicates) and
 * no staged leftovers; on both schedulers and both exchange modes.
 */
class FileSinkFaultInjectionTest {
    /** Checkpoint positions in the middle of windows, so that the checkpoints hold open windows and timers. */
    static final long FIRST = 2_050;
    static final long SECOND = 3_050;
    static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    @TempDir
    Path output;

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

    static StreamEnvironment environment(String scheduler, ExchangeMode mode, Path checkpoints, FaultInjector faults) {
        return StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("cases")
    void shouldCommitExactlyTheFailureFreeWindowsAfterOneFailure(String scheduler, ExchangeMode mode, FaultPoint point)
            throws Exception {
        GatedSource source = new GatedSource(LAST);
        FailOnce faults = FailOnce.at(point);
        StreamEnvironment env = environment(scheduler, mode, checkpoints, faults);
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows-into-files");

        source.release(FIRST, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(SECOND, BOUND);
        faults.arm();
        String second;
        try {
            second = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).toString();
        } catch (Exception aborted) {
            second = "aborted: " + aborted; // the failure may hit checkpoint 2; recovery then goes back to 1
        }
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired()).as("the fault at %s fired", point).isTrue();
        assertThat(job.restarts()).as("restarts (checkpoint 2: %s)", second).isEqualTo(1);
        assertThat(PartFiles.staged(output)).as("staged leftovers").isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(WindowCountJob.expected(LAST));
    }
}
