package io.weir.connectors.files.source;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.api.time.ManualClock;
import io.weir.connectors.files.FileSink;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once through a failure: a monitoring file source feeds the exactly-once {@link FileSink}; while the
 * source is reading a large file, a checkpoint is taken, then the source fails; the job restores from the
 * checkpoint and goes on, a new file arrives (found on the manual clock), and the committed output must be
 * exactly the lines of both files: none lost, none twice.
 */
class FileSourceRecoveryTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path input;

    @TempDir
    Path output;

    @TempDir
    Path checkpoints;

    /**
     * Triggers a checkpoint once a reader has emitted {@code triggerAt} records (again if it does not complete),
     * then fails at the next source read after it has completed.
     */
    static final class CheckpointThenFail implements FaultInjector {
        final AtomicReference<JobClient> job = new AtomicReference<>();
        final AtomicReference<CompletableFuture<CheckpointInfo>> checkpoint = new AtomicReference<>();
        final AtomicBoolean fired = new AtomicBoolean();
        final long triggerAt;

        CheckpointThenFail(long triggerAt) {
            this.triggerAt = triggerAt;
        }

        @Override
        public void at(FaultPoint point, String task, int subtask, long records) {
            if (point != FaultPoint.SOURCE_READ || fired.get() || job.get() == null) {
                return;
            }
            if (checkpoint.get() == null && records >= triggerAt) {
                checkpoint.compareAndSet(null, job.get().triggerCheckpoint());
            }
            CompletableFuture<CheckpointInfo> c = checkpoint.get();
            if (c == null || !c.isDone()) {
                return;
            }
            if (c.isCompletedExceptionally() || c.join().status() != CheckpointInfo.Status.COMPLETED) {
                checkpoint.compareAndSet(c, null); // declined or aborted (a task not running yet): try again
            } else if (fired.compareAndSet(false, true)) {
                throw new InjectedFailure("injected after checkpoint " + c.join().checkpointId() + " in " + task);
            }
        }
    }

    @Test
    void shouldCommitEveryLineExactlyOnceAcrossAFailureMidFile() throws Exception {
        List<String> expected = new ArrayList<>(FileSourceReadingTest.write(input.resolve("a.txt"), "a", 100_000));
        ManualClock clock = new ManualClock(0);
        CheckpointThenFail faults = new CheckpointThenFail(10_000);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).setClock(clock)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        env.fromSource(FileSource.forFormat(LineFormat.text(), input).blockSize(256 * 1024)
                        .monitorEvery(Duration.ofSeconds(1)).build(), "files")
                .sinkTo(FileSink.<String>forRows(output).build());
        JobClient job = env.executeAsync("files recovery");
        faults.job.set(job);
        try {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (job.restarts() < 1) {
                assertThat(System.nanoTime()).as("the failure and restart happen in time").isLessThan(deadline);
                LockSupport.parkNanos(1_000_000); // bounded polling: the restart happens on the job's threads
            }
            Path staged = Files.writeString(input.resolve(".b.txt.tmp"), "");
            expected.addAll(FileSourceReadingTest.write(staged, "b", 5_000));
            Files.move(staged, input.resolve("b.txt"), StandardCopyOption.ATOMIC_MOVE);
            clock.advance(Duration.ofSeconds(1));

            List<String> visible = visibleLines();
            while (visible.size() < expected.size()) {
                assertThat(System.nanoTime()).as("all lines committed in time: %d of %d", visible.size(), expected.size())
                        .isLessThan(deadline);
                CheckpointInfo info = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
                assertThat(info.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
                visible = visibleLines();
            }
        } finally {
            job.cancel();
        }

        assertThat(faults.fired).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        ExactlyOnce.assertSameElements("committed lines", visibleLines(), expected);
    }

    private List<String> visibleLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
