package io.weir.runtime.execution;

import io.weir.api.JobClient;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.connector.Sinks;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.api.time.ManualClock;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link JobDriver} hook: the test thread, not runtime threads, supervises the job and runs checkpoint I/O. */
class JobDriverTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    /** Runs supervisor steps and queued checkpoint I/O on the calling thread; time moves only when it says so. */
    static final class StepDriver implements JobDriver {
        final ConcurrentLinkedQueue<Runnable> io = new ConcurrentLinkedQueue<>();
        final AtomicLong nanos = new AtomicLong();
        volatile Supervisor supervisor;
        volatile Thread attachedFrom;
        long ioRun;
        long restartingAt = -1;
        long restartedAt = -1;
        boolean foreignThreads;

        @Override
        public void attach(String jobName, Supervisor supervisor) {
            this.supervisor = supervisor;
            this.attachedFrom = Thread.currentThread();
        }

        @Override
        public java.util.concurrent.Executor checkpointExecutor() {
            return io::add;
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        /** Steps until the job ends, advancing both clocks by 1 ms a step; {@code false} when out of time. */
        boolean runToEnd(String jobName, ManualClock clock, JobClient job, GatedSource source) {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline) {
                Runnable task;
                while ((task = io.poll()) != null) {
                    task.run();
                    ioRun++;
                }
                foreignThreads |= Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .anyMatch(n -> n.equals("weir-" + jobName + "-supervisor") || n.equals("weir-" + jobName + "-checkpoint-io"));
                if (supervisor.step()) {
                    return true;
                }
                if (job.status() == JobStatus.RESTARTING && restartingAt < 0) {
                    restartingAt = nanos.get();
                }
                if (job.restarts() == 1 && restartedAt < 0) {
                    restartedAt = nanos.get();
                }
                if (job.restarts() == 1 && job.checkpointHistory().stream()
                        .anyMatch(c -> c.status() == CheckpointInfo.Status.COMPLETED)) {
                    source.open(source.last()); // a checkpoint completed after the restart: let the job end
                }
                clock.advance(Duration.ofMillis(1));
                nanos.addAndGet(1_000_000L);
                Thread.onSpinWait();
            }
            return false;
        }
    }

    @Test
    void shouldLetTheDriverSuperviseCheckpointAndRestartTheJobOnItsOwnThreadAndClock() throws Exception {
        StepDriver driver = new StepDriver();
        ManualClock clock = new ManualClock(0);
        AtomicBoolean failed = new AtomicBoolean();
        FaultInjector failOnceAfterASnapshot = (point, task, subtask, detail) -> {
            if (point == FaultPoint.AFTER_SNAPSHOT && failed.compareAndSet(false, true)) {
                throw new FaultInjector.InjectedFailure("injected after a snapshot");
            }
        };
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.SCHEDULER, "dedicated")
                .configure(ExecutionOptions.CLOCK, clock)
                .configure(JobDriver.OPTION, driver)
                .configure(FaultInjector.OPTION, failOnceAfterASnapshot)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(RecoveryOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(5))
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 1)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ofMillis(200));
        GatedSource source = GatedSource.withSplits(50_000, 2); // one split per reader: no reader ends early
        source.open(1_000);
        env.fromSource(source, "gated").keyBy(x -> x % 7).reduce(Long::sum).sinkTo(Sinks.discard());

        JobClient job = env.executeAsync("driven");

        assertThat(driver.attachedFrom).isSameAs(Thread.currentThread());
        boolean ended = driver.runToEnd("driven", clock, job, source);
        assertThat(ended).as("the job ended within %s: %s, %d restarts, %s, emitted %d", BOUND, job.status(), job.restarts(), job.checkpointHistory(), source.emitted()).isTrue();
        assertThat(job.resultFuture()).isCompleted();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(driver.restartingAt).isNotNegative();
        assertThat(driver.restartedAt - driver.restartingAt)
                .as("the restart waited out its 200 ms delay on the driver's clock").isGreaterThanOrEqualTo(200_000_000L);
        assertThat(job.checkpointHistory()).anyMatch(c -> c.status() == CheckpointInfo.Status.COMPLETED);
        assertThat(driver.ioRun).as("checkpoint I/O ran on the driver's thread").isPositive();
        assertThat(driver.foreignThreads).as("no supervisor or checkpoint-io thread was started").isFalse();
    }
}
