package io.weir.proptest.job;

import io.weir.api.JobClient;
import io.weir.api.JobFailedException;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.config.StateOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.pipeline.Ev;
import io.weir.proptest.simulation.Simulation;
import io.weir.runtime.fault.FaultInjector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs one {@link Scenario} as a Weir job and reports what its transactional sink committed. Under the
 * {@code simulation} scheduler the whole run happens on the calling thread, bounded by a number of steps;
 * under the real schedulers it is bounded by wall-clock time (a watchdog of the test, not of the job).
 *
 * <h2>Thread safety</h2>
 * Stateless; each call runs its own job in its own temporary folder.
 */
public final class TrialRunner {
    /** The bound of a run on a real scheduler. */
    public static final Duration REAL_BOUND = Duration.ofSeconds(90);
    private static final int SAVEPOINT_REQUESTS = 50;
    /**
     * Whether runs on this thread also fail the commit at the end of the job (see
     * {@link FailureSchedule#injector()}); by default the value of the system property
     * {@code weir.props.final-commit-failures}, {@code true} when unset (the final checkpoint makes that
     * commit recoverable).
     */
    public static final ThreadLocal<Boolean> FINAL_COMMIT_FAILURES = ThreadLocal.withInitial(
            () -> Boolean.parseBoolean(System.getProperty("weir.props.final-commit-failures", "true")));

    private TrialRunner() {
    }

    /** How a run ended. */
    public enum Status {
        /** The job finished (or stopped with a savepoint). */
        FINISHED,
        /** The job failed for good (restart attempts exhausted or not restartable). */
        FAILED,
        /** The job did not end within its bound. */
        HUNG
    }

    /**
     * What a run did.
     *
     * @param status       how it ended
     * @param failure      the job's failure ({@code FAILED}), else {@code null}
     * @param restarts     restarts the job made
     * @param fired        injected failures that fired
     * @param checkpoints  checkpoints (and savepoints) completed
     * @param savepoint    the path of the savepoint the run stopped with, or {@code null}
     * @param steps        simulation steps (0 on a real scheduler)
     * @param traceHash    hash of the simulation's steps (0 on a real scheduler)
     * @param recentSteps  the simulation's last steps (for a hang)
     */
    public record Result(Status status, Throwable failure, int restarts, int fired, int checkpoints, String savepoint,
                         long steps, long traceHash, List<String> recentSteps) {
    }

    /** A bound on simulation steps generous for {@code records} source records and {@code failures} restarts. */
    public static long stepBudget(int records, int failures) {
        return 3_000_000L + 3_000L * records * (failures + 1L);
    }

    /**
     * Runs {@code scenario} into {@code CommitStore.named(storeName)}.
     *
     * @param restoreFrom      a savepoint to start from, or {@code null}
     * @param savepointAtStep  under the simulation: the step from which to stop with a savepoint (-1: never);
     *                         a refused request is repeated every 10 steps, up to 50 times
     * @param savepointDir     where that savepoint goes
     */
    public static Result run(Scenario scenario, String storeName, String restoreFrom, long savepointAtStep, Path savepointDir) {
        Path dir;
        try {
            dir = Files.createTempDirectory("weir-props-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(scenario, storeName, restoreFrom, savepointAtStep, savepointDir, dir);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Runs {@code scenario} from the start, without a savepoint. */
    public static Result run(Scenario scenario, String storeName) {
        return run(scenario, storeName, null, -1, null);
    }

    private static Result run(Scenario scenario, String storeName, String restoreFrom, long savepointAtStep, Path savepointDir,
                              Path dir) {
        RunConfig c = scenario.config();
        FailureSchedule.Injector injector = FINAL_COMMIT_FAILURES.get()
                ? scenario.failures().injectorIncludingFinalCommit() : scenario.failures().injector();
        var env = StreamEnvironment.create().setParallelism(c.parallelism()).setMaxParallelism(c.maxParallelism())
                .configure(ExecutionOptions.EXCHANGE_MODE, c.exchange())
                .configure(ExecutionOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO)
                .configure(StateOptions.STATE_BACKEND, c.backend())
                .configure(StateOptions.ROCKSDB_LOCAL_DIRECTORY, dir.resolve("rocksdb").toString())
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, dir.resolve("checkpoints").toString())
                .configure(RecoveryOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(c.checkpointIntervalMs()))
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, c.restartAttempts())
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ofMillis(c.restartDelayMs()))
                .configure(FaultInjector.OPTION, injector);
        if (restoreFrom != null) {
            env.configure(RecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        Simulation simulation = null;
        if (c.simulated()) {
            simulation = new Simulation(c.seed());
            simulation.configure(env);
        } else {
            env.configure(ExecutionOptions.SCHEDULER, c.scheduler());
        }
        JobTranslator.build(env, scenario.pipeline(), storeName);
        JobClient job = env.executeAsync("props");
        @SuppressWarnings("unchecked")
        CompletableFuture<CheckpointInfo>[] savepoint = new CompletableFuture[1];
        Status status;
        if (simulation != null) {
            long budget = stepBudget(scenario.pipeline().inputCount(), scenario.failures().failures().size());
            int[] requests = new int[1];
            Simulation.Outcome outcome = simulation.run(job, budget, step -> {
                // from the chosen step on, ask (again every 10 steps, up to 50 times) until a savepoint is
                // taken: one is refused while a checkpoint is in flight
                boolean again = savepoint[0] == null ? step == savepointAtStep
                        : savepoint[0].isCompletedExceptionally() && (step - savepointAtStep) % 10 == 0;
                if (savepointAtStep >= 0 && again && requests[0] < SAVEPOINT_REQUESTS) {
                    requests[0]++;
                    savepoint[0] = job.stopWithSavepoint(savepointDir.toString());
                }
            });
            status = outcome == Simulation.Outcome.OUT_OF_STEPS ? Status.HUNG : statusOf(job);
        } else {
            status = awaitReal(job);
        }
        Throwable failure = null;
        if (status == Status.FAILED) {
            try {
                job.resultFuture().get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String savepointPath = null;
        if (savepoint[0] != null && savepoint[0].isDone() && !savepoint[0].isCompletedExceptionally()) {
            savepointPath = savepoint[0].join().location();
        }
        int checkpoints = (int) job.checkpointHistory().stream().filter(i -> i.status() == CheckpointInfo.Status.COMPLETED).count();
        return new Result(status, failure, job.restarts(), injector.fired(), checkpoints, savepointPath,
                simulation == null ? 0 : simulation.steps(), simulation == null ? 0 : simulation.traceHash(),
                simulation == null ? List.of() : simulation.recentSteps());
    }

    private static Status statusOf(JobClient job) {
        JobStatus s = job.status();
        return switch (s) {
            case FINISHED -> Status.FINISHED;
            case FAILED, CANCELED -> Status.FAILED;
            default -> Status.HUNG;
        };
    }

    private static Status awaitReal(JobClient job) {
        try {
            job.await(REAL_BOUND);
            return Status.FINISHED;
        } catch (JobFailedException e) {
            return Status.FAILED;
        } catch (TimeoutException e) {
            job.cancel();
            return Status.HUNG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            return Status.HUNG;
        }
    }

    /** The committed output of store {@code storeName}. */
    public static List<Ev> committed(String storeName) {
        return CommitStore.named(storeName).output();
    }

    /** Deletes a folder tree, ignoring what cannot be deleted (temporary files of a finished run). */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary folder
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
