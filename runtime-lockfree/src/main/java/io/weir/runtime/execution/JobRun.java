package io.weir.runtime.execution;

import io.weir.api.JobClient;
import io.weir.api.JobFailedException;
import io.weir.api.JobResult;
import io.weir.api.JobStatus;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.execution.JobPlan;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.api.metrics.JobMetrics;
import io.weir.api.metrics.OperatorMetrics;
import io.weir.api.time.Clock;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.CheckpointMetadata;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.TaskCommand;
import io.weir.runtime.exchange.Channel;
import io.weir.runtime.exchange.ChannelSettings;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.OperatorIds;
import io.weir.runtime.operators.OperatorException;
import io.weir.runtime.source.SourceCoordinator;
import io.weir.runtime.task.Monitored;
import io.weir.runtime.task.StreamTask;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CheckpointStorageContext;
import io.weir.spi.checkpoint.CheckpointStorageFactory;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.scheduler.Tasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * One job on this machine, and its {@link JobClient}. Builds the job graph once; each attempt deploys it
 * (channels, tasks, restored state) and hands the tasklets to the configured scheduler. A supervisor
 * thread of its own notices the end (every task reached the end of its input; with checkpoints, the
 * final checkpoint is taken and its transactions committed; then every task finished), failures (reported by the scheduler), cancel and stop requests and the watchdog's
 * verdict; it drives the checkpoint coordinator, and after a failure it restarts the job from the newest
 * restorable checkpoint as the restart strategy allows.
 *
 * <h2>Thread safety</h2>
 * The {@link JobClient} methods are thread-safe. Events from worker threads arrive through atomics and
 * {@link LockSupport#unpark}; only the supervisor thread changes the job's resources.
 */
public final class JobRun implements JobClient {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final JobPlan plan;
    private final JobGraph graph;
    private final Configuration configuration;
    private final ExchangeMode mode;
    private final ChannelSettings settings;
    private final String schedulerName;
    private final SchedulerFactory schedulerFactory;
    private final long watchdogTimeoutNanos;
    private final boolean checkpointing;
    /**
     * Whether the final checkpoint is taken once every task reached the end of its input: whenever the job
     * may restart from a checkpoint (periodic checkpoints, or a restart strategy other than {@code none}).
     * Otherwise nothing would restore from it, and the final transactions commit without it.
     */
    private final boolean finalCheckpoints;
    private final RestartStrategy restartStrategy;
    private final CheckpointCoordinator coordinator;
    private final FaultInjector faults;
    private final Clock clock;
    private final WorkerProbes probes = new WorkerProbes();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile boolean cancelRequested;
    private volatile JobMetrics finalMetrics;
    private volatile Attempt current;
    private volatile StopRequest stopRequest;
    private volatile int restarts;
    /** The savepoint or retained checkpoint the job started from, or {@code null}: a restart falls back to it. */
    private CompletedCheckpoint startedFrom;
    private Thread supervisor;
    private long startNanos;
    private int failures;
    /** When the pending restart is due ({@link #nanoTime()}), or {@link #NO_RESTART_DUE}. */
    private long restartDueNanos = NO_RESTART_DUE;
    private static final long NO_RESTART_DUE = Long.MIN_VALUE;
    /** The test hook that drives the supervisor and the checkpoint I/O, or {@code null} (own threads). */
    private final JobDriver driver;

    private record StopRequest(String directory, CompletableFuture<CheckpointInfo> savepoint) {
    }

    private JobRun(JobPlan plan) {
        this.plan = plan;
        this.configuration = plan.configuration();
        this.graph = JobGraphBuilder.build(plan);
        OperatorIds.checkUnique(graph);
        this.mode = configuration.get(ExecutionOptions.EXCHANGE_MODE);
        this.settings = ChannelSettings.from(configuration);
        this.watchdogTimeoutNanos = configuration.get(ExecutionOptions.WATCHDOG_TIMEOUT).toNanos();
        if (watchdogTimeoutNanos <= 0) {
            throw new IllegalArgumentException("option '" + ExecutionOptions.WATCHDOG_TIMEOUT.key() + "' must be positive");
        }
        if (configuration.get(RecoveryOptions.CHECKPOINT_MAX_CONCURRENT) != 1) {
            throw new IllegalArgumentException("option '" + RecoveryOptions.CHECKPOINT_MAX_CONCURRENT.key()
                    + "': only 1 checkpoint in flight is supported");
        }
        this.schedulerName = configuration.get(ExecutionOptions.SCHEDULER);
        this.schedulerFactory = findScheduler(schedulerName);
        this.clock = configuration.get(ExecutionOptions.CLOCK);
        this.faults = configuration.get(FaultInjector.OPTION);
        this.driver = configuration.get(JobDriver.OPTION);
        Duration interval = configuration.get(RecoveryOptions.CHECKPOINT_INTERVAL);
        this.checkpointing = !interval.isZero() && !interval.isNegative();
        this.restartStrategy = RestartStrategy.from(configuration, checkpointing);
        this.finalCheckpoints = checkpointing || !(restartStrategy instanceof RestartStrategy.None);
        this.coordinator = createCoordinator(interval);
    }

    /** Validates and starts a job; throws for a bad plan before any thread starts. */
    public static JobRun start(JobPlan plan) {
        JobRun run = new JobRun(plan);
        run.launch();
        return run;
    }

    private CheckpointCoordinator createCoordinator(Duration interval) {
        String storageName = configuration.get(CheckpointOptions.CHECKPOINT_STORAGE);
        CheckpointStorageFactory factory = null;
        List<String> names = new ArrayList<>();
        for (CheckpointStorageFactory f : ServiceLoader.load(CheckpointStorageFactory.class)) {
            names.add(f.name());
            if (f.name().equals(storageName)) {
                factory = f;
            }
        }
        if (factory == null) {
            throw new IllegalArgumentException("option '" + CheckpointOptions.CHECKPOINT_STORAGE.key()
                    + "': no checkpoint storage named '" + storageName + "'; available: " + names);
        }
        CheckpointStorage storage = factory.create(CheckpointStorageContext.of(plan.jobName(), configuration));
        ExecutorService async = driver != null ? new DrivenExecutorService(driver.checkpointExecutor())
                : Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("weir-" + plan.jobName() + "-checkpoint-io").factory());
        // ids keep growing across runs of the job in the same directory (a restart in a new JVM included)
        long firstId = 1;
        try {
            for (CompletedCheckpoint c : storage.completedCheckpoints()) {
                firstId = Math.max(firstId, c.checkpointId() + 1);
            }
        } catch (IOException e) {
            LOG.warn("job '{}': cannot list earlier checkpoints: {}", plan.jobName(), e.toString());
        }
        String savepoint = configuration.get(RecoveryOptions.SAVEPOINT_PATH);
        if (savepoint != null) {
            // continue after the savepoint the job starts from, as Flink does (sinks name transactions by id)
            try {
                firstId = Math.max(firstId, storage.resolve(savepoint).checkpointId() + 1);
            } catch (IOException e) {
                LOG.debug("savepoint {} cannot be read yet: {}", savepoint, e.toString());
            }
        }
        return new CheckpointCoordinator(plan.jobName(), storage, interval,
                configuration.get(RecoveryOptions.CHECKPOINT_TIMEOUT), configuration.get(RecoveryOptions.CHECKPOINT_MIN_PAUSE),
                configuration.get(CheckpointOptions.CHECKPOINTS_RETAINED), clock::currentTimeMillis, async, firstId);
    }

    private void launch() {
        LOG.debug("starting {}", graph.describe());
        startNanos = System.nanoTime();
        supervisor = Thread.ofPlatform().daemon().name("weir-" + plan.jobName() + "-supervisor").unstarted(this::supervise);
        String savepoint = configuration.get(RecoveryOptions.SAVEPOINT_PATH);
        Attempt first;
        try {
            startedFrom = savepoint == null ? null : resolve(savepoint);
            first = deploy(0, startedFrom == null ? null : List.of(startedFrom), savepoint != null);
        } catch (RuntimeException e) {
            coordinator.close();
            throw e;
        }
        status = JobStatus.RUNNING;
        startAttempt(first);
        if (driver != null) {
            driver.attach(plan.jobName(), () -> superviseStep() == Step.ENDED);
        } else {
            supervisor.start();
        }
    }

    private CompletedCheckpoint resolve(String path) {
        try {
            return coordinator.storage().resolve(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("option '" + RecoveryOptions.SAVEPOINT_PATH.key() + "': cannot restore from "
                    + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deploys an attempt, restoring the first of {@code candidates} that can be read; {@code strict} means
     * the caller asked for exactly that one (a savepoint path), so failing to read it is an error, not a
     * fall-back.
     */
    private Attempt deploy(int number, List<CompletedCheckpoint> candidates, boolean strict) {
        FaultInjector attemptFaults = faults;
        if (candidates != null) {
            for (CompletedCheckpoint candidate : candidates) {
                RestorePlan restore;
                try {
                    CheckpointMetadata metadata = CheckpointMetadata.decode(candidate.metadata(), candidate.location());
                    restore = RestorePlan.of(candidate, metadata, graph,
                            configuration.get(RecoveryOptions.ALLOW_NON_RESTORED_STATE));
                } catch (IOException | CodecException e) {
                    if (strict) {
                        throw new IllegalArgumentException("cannot restore job '" + plan.jobName() + "' from "
                                + candidate.location() + ": " + e.getMessage(), e);
                    }
                    LOG.warn("job '{}': checkpoint {} cannot be read ({}); trying an older one", plan.jobName(),
                            candidate.location(), e.getMessage());
                    continue;
                }
                try {
                    PhysicalPlan physical = PhysicalPlan.create(graph, plan, mode, settings, this::codecFor, restore,
                            coordinator, true, attemptFaults);
                    LOG.info("job '{}': restored from checkpoint {} at {}", plan.jobName(), restore.checkpointId(),
                            restore.location());
                    Attempt attempt = new Attempt(number, physical, graph, restore.checkpointId(), supervisor);
                    attempt.restoredFinished = restore.finished();
                    return attempt;
                } catch (UncheckedIOException e) {
                    if (strict) {
                        throw new IllegalArgumentException("cannot restore job '" + plan.jobName() + "' from "
                                + candidate.location() + ": " + e.getMessage(), e);
                    }
                    LOG.warn("job '{}': {}; trying an older checkpoint", plan.jobName(), e.getMessage());
                }
            }
            if (!candidates.isEmpty()) {
                throw new IllegalStateException("job '" + plan.jobName() + "': no completed checkpoint could be restored ("
                        + candidates.size() + " tried; see the warnings above)");
            }
        }
        RestorePlan restore = number > 0 ? RestorePlan.empty() : null;
        PhysicalPlan physical = PhysicalPlan.create(graph, plan, mode, settings, this::codecFor, restore, coordinator,
                true, attemptFaults);
        return new Attempt(number, physical, graph, -1, supervisor);
    }

    private void startAttempt(Attempt attempt) {
        current = attempt;
        attempt.watchdog = new Watchdog(monitored(attempt), watchdogTimeoutNanos, this::nanoTime);
        coordinator.bind(attempt, attempt::allRunning);
        attempt.scheduler = schedulerFactory.create(new RunSchedulerContext(this, attempt));
        List<Tasklet> tasklets = new ArrayList<>(attempt.physical.coordinators());
        tasklets.addAll(attempt.physical.tasks());
        try {
            attempt.scheduler.start(List.copyOf(tasklets));
        } catch (RuntimeException e) {
            attempt.fail(new JobFailedException("job '" + plan.jobName() + "': scheduler '" + schedulerName
                    + "' failed to start: " + e, e));
        }
    }

    // ---- events from other threads ---------------------------------------------------------

    /** A tasklet (or, with {@code tasklet == null}, the scheduler) of {@code attempt} failed. */
    void taskletFailed(Attempt attempt, Tasklet tasklet, Throwable cause) {
        attempt.fail(toJobFailure(tasklet, cause));
    }

    private JobFailedException toJobFailure(Tasklet tasklet, Throwable cause) {
        String job = "job '" + plan.jobName() + "' failed";
        if (tasklet == null) {
            return new JobFailedException(job + ": scheduler '" + schedulerName + "' failed: " + cause, cause);
        }
        int subtask = tasklet instanceof StreamTask st ? st.subtask() : -1;
        if (cause instanceof OperatorException oe) {
            int index = oe.subtaskIndex() >= 0 ? oe.subtaskIndex() : subtask;
            return new JobFailedException(job + ": " + oe.getMessage() + " [task " + tasklet.name() + "]",
                    oe.getCause(), oe.operatorName(), index);
        }
        return new JobFailedException(job + " in task '" + tasklet.name() + "': " + cause, cause, tasklet.name(), subtask);
    }

    // ---- supervisor --------------------------------------------------------------------------

    private void supervise() {
        long park = Math.max(1_000_000L, Math.min(watchdogTimeoutNanos / 4, 10_000_000L));
        Step step;
        while ((step = superviseStep()) != Step.ENDED) {
            if (step == Step.IDLE) {
                LockSupport.parkNanos(this, park);
            }
        }
    }

    /** What one pass of the supervisor achieved. */
    private enum Step {
        /** Nothing to do until an event or a timeout: the thread parks. */
        IDLE,
        /** Something changed (a restart): look again at once. */
        AGAIN,
        /** The job ended: {@link #finish} was called. */
        ENDED
    }

    /**
     * One pass of the supervisor's loop; never blocks except to stop an attempt's threads. A failed attempt
     * is stopped at once; its restart waits (across passes) for the restart strategy's delay.
     */
    private Step superviseStep() {
        Attempt a = current;
        JobFailedException failed = a.failure.get();
        if (failed != null) {
            if (restartDueNanos == NO_RESTART_DUE) {
                stopRequest = null;  // a stop-with-savepoint does not survive a failure: the restarted job runs on
                coordinator.abortPending("the job failed");
                stopAttempt(a, false);
                long delay = cancelRequested ? -1 : restartStrategy.nextDelayMillis(++failures, clock.currentTimeMillis());
                if (delay < 0) {
                    finish(cancelRequested ? JobStatus.CANCELED : JobStatus.FAILED, failed);
                    return Step.ENDED;
                }
                LOG.warn("job '{}' failed (failure {}), restarting in {} ms: {}", plan.jobName(), failures, delay,
                        failed.getMessage());
                status = JobStatus.RESTARTING;
                restartDueNanos = nanoTime() + delay * 1_000_000L;
            }
            if (cancelRequested) {
                finish(JobStatus.CANCELED, null);
                return Step.ENDED;
            }
            if (nanoTime() - restartDueNanos < 0) {
                return Step.IDLE;
            }
            restartDueNanos = NO_RESTART_DUE;
            try {
                List<CompletedCheckpoint> candidates = new ArrayList<>(coordinator.storage().completedCheckpoints());
                if (startedFrom != null && candidates.stream().noneMatch(c -> c.location().equals(startedFrom.location()))) {
                    candidates.add(startedFrom);   // failed before its first checkpoint: back to where it started
                }
                Attempt next = deploy(a.number + 1, candidates, false);
                restarts++;
                status = JobStatus.RUNNING;
                startAttempt(next);
            } catch (RuntimeException | IOException e) {
                failed.addSuppressed(e);
                JobFailedException endFailure = new JobFailedException("job '" + plan.jobName() + "' could not be restarted: " + e, e);
                endFailure.addSuppressed(failed);
                finish(JobStatus.FAILED, endFailure);
                return Step.ENDED;
            }
            return Step.AGAIN;
        }
        if (cancelRequested) {
            stopAttempt(a, false);
            finish(JobStatus.CANCELED, null);
            return Step.ENDED;
        }
        StopRequest stop = stopRequest;
        if (stop != null && stop.savepoint().isDone()) {
            if (stop.savepoint().isCompletedExceptionally() || awaitNotified(a, stop)) {
                stopRequest = null;
                if (!stop.savepoint().isCompletedExceptionally()) {
                    stopAttempt(a, false);
                    finish(JobStatus.FINISHED, null);
                    return Step.ENDED;
                }
            }
        }
        if (a.ended.get() == a.taskCount() && !a.finalSent && !stopSavepointCompleted()) {
            // with a completed stop-with-savepoint the job stops at the savepoint: committing the output after
            // it would make a restore from the savepoint emit that output a second time
            if (finalCheckpoints && !a.restoredFinished) {
                Step step = finalCheckpoint(a);
                if (step != null) {
                    return step;
                }
            } else {
                // no restart from a checkpoint can follow (or this attempt restored the final checkpoint): commit now
                a.finalSent = true;
                coordinator.abortPending("the job's input has ended");
                a.sendToTasks(new TaskCommand.NotifyComplete(Long.MAX_VALUE));
            }
        }
        if (a.finished.get() == a.taskCount()) {
            stopAttempt(a, true);
            if (a.failure.get() != null) {
                finish(JobStatus.FAILED, a.failure.get());
            } else {
                finish(JobStatus.FINISHED, null);
            }
            return Step.ENDED;
        }
        Runnable call;
        while ((call = pendingCalls.poll()) != null) {
            call.run();
        }
        coordinator.tick();
        String verdict = a.watchdog.check();
        if (verdict != null) {
            a.fail(new JobFailedException("job '" + plan.jobName() + "' made no progress: " + verdict
                    + " (scheduler '" + schedulerName + "', " + a.physical.queuedElements()
                    + " elements waiting in channels); failing it rather than hanging", null));
            return Step.AGAIN;
        }
        return Step.IDLE;
    }

    /**
     * Every task of {@code a} reached the end of its input: takes the final checkpoint (FLIP-147), in which
     * the sinks pre-commit their final transactions and the sources record that they are done; its
     * completion notifies the tasks (sinks commit), then the end-of-job notification finishes them. A
     * failure after that restarts from the final checkpoint: nothing is read again, the restored
     * committables are committed again (idempotent), so committed output is never replayed.
     *
     * @return {@code null} to go on with the pass, or the step to end it with (the attempt failed)
     */
    private Step finalCheckpoint(Attempt a) {
        if (a.finalCheckpoint == null) {
            coordinator.abortPending("the job's input has ended; taking the final checkpoint");
            a.finalCheckpoint = coordinator.triggerFinal();
        }
        if (!a.finalCheckpoint.isDone()) {
            return null;
        }
        if (a.finalCheckpoint.isCompletedExceptionally()) {
            Throwable cause = a.finalCheckpoint.exceptionNow();
            a.fail(new JobFailedException("job '" + plan.jobName() + "': the final checkpoint failed: "
                    + cause.getMessage(), cause));
            return Step.AGAIN;
        }
        // the tasks already hold the final checkpoint's notification (sent on its completion), so their
        // sinks commit first; the end-of-job notification that follows commits nothing more
        a.finalSent = true;
        a.sendToTasks(new TaskCommand.NotifyComplete(Long.MAX_VALUE));
        return null;
    }

    /** {@code true} while a stop-with-savepoint waits for its completed savepoint's notifications. */
    private boolean stopSavepointCompleted() {
        StopRequest stop = stopRequest;
        return stop != null && stop.savepoint().isDone() && !stop.savepoint().isCompletedExceptionally();
    }

    private long nanoTime() {
        return driver == null ? System.nanoTime() : driver.nanoTime();
    }

    /** Waits, bounded, until every task processed the notification of the stop savepoint. */
    private boolean awaitNotified(Attempt a, StopRequest stop) {
        long id = stop.savepoint().join().checkpointId();
        for (StreamTask t : a.physical.tasks()) {
            if (t.lastNotifiedCheckpoint() < id) {
                return false;
            }
        }
        return true;
    }

    private List<Monitored> monitored(Attempt a) {
        List<Monitored> m = new ArrayList<>(a.physical.coordinators());
        m.addAll(a.physical.tasks());
        return m;
    }

    /** Stops the attempt's threads and releases its resources; on a clean finish, close failures fail the job. */
    private void stopAttempt(Attempt a, boolean clean) {
        a.scheduler.stop();
        boolean stopped;
        try {
            stopped = a.scheduler.awaitTermination(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            LOG.warn("job '{}': scheduler '{}' threads did not stop within {}; resources stay allocated",
                    plan.jobName(), schedulerName, STOP_TIMEOUT);
            return;
        }
        for (StreamTask t : a.physical.tasks()) {
            try {
                t.closeChain();
            } catch (RuntimeException e) {
                if (clean) {
                    a.fail(toJobFailure(t, e));
                } else {
                    LOG.debug("closing {}: {}", t.name(), e.toString());
                }
            }
        }
        for (SourceCoordinator c : a.physical.coordinators()) {
            try {
                c.closeEnumerator();
            } catch (RuntimeException e) {
                LOG.debug("closing {}: {}", c.name(), e.toString());
            }
        }
        finalMetrics = snapshotMetrics(a);
        a.physical.close();
    }

    private void finish(JobStatus end, JobFailedException failure) {
        coordinator.close();
        if (finalMetrics == null) {
            finalMetrics = snapshotMetrics(current);
        }
        status = end;
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (end == JobStatus.FAILED) {
            result.completeExceptionally(failure);
        } else {
            result.complete(new JobResult(plan.jobName(), end, took, finalMetrics));
        }
    }

    // ---- JobClient ---------------------------------------------------------------------------

    @Override
    public String jobName() {
        return plan.jobName();
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<JobResult> resultFuture() {
        return result;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        LockSupport.unpark(supervisor);
    }

    @Override
    public int restarts() {
        return restarts;
    }

    @Override
    public JobMetrics metrics() {
        JobMetrics done = finalMetrics;
        return done != null && status.isTerminal() ? done : snapshotMetrics(current);
    }

    @Override
    public List<CheckpointInfo> checkpointHistory() {
        return coordinator.history();
    }

    @Override
    public CompletableFuture<CheckpointInfo> triggerCheckpoint() {
        return onSupervisor(() -> coordinator.trigger(false, null));
    }

    @Override
    public CompletableFuture<CheckpointInfo> triggerSavepoint(String directory) {
        return onSupervisor(() -> coordinator.trigger(true, directory));
    }

    @Override
    public CompletableFuture<CheckpointInfo> stopWithSavepoint(String directory) {
        CompletableFuture<CheckpointInfo> savepoint = triggerSavepoint(directory);
        stopRequest = new StopRequest(directory, savepoint);
        return savepoint;
    }

    /** Runs a coordinator call on the supervisor thread (the coordinator's single writer). */
    private CompletableFuture<CheckpointInfo> onSupervisor(java.util.function.Supplier<CompletableFuture<CheckpointInfo>> call) {
        CompletableFuture<CheckpointInfo> result = new CompletableFuture<>();
        pendingCalls.offer(() -> call.get().whenComplete((info, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(info);
            }
        }));
        LockSupport.unpark(supervisor);
        return result;
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> pendingCalls = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private JobMetrics snapshotMetrics(Attempt a) {
        if (a == null) {
            return JobMetrics.empty();
        }
        List<OperatorMetrics> ops = new ArrayList<>();
        for (StreamTask t : a.physical.tasks()) {
            ops.addAll(t.metrics());
        }
        return new JobMetrics(ops, a.physical.channelMetrics(), probes.snapshot());
    }

    /** The physical plan (tests). */
    public JobGraph graph() {
        return graph;
    }

    WorkerProbes probes() {
        return probes;
    }

    Configuration configuration() {
        return configuration;
    }

    // ---- helpers -----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Codec<Object> codecFor(Class<?> type, String usedBy) {
        if (type == null) {
            return plan.codecs().dynamicCodec();
        }
        try {
            return (Codec<Object>) plan.codecs().requireCodec(type, usedBy);
        } catch (CodecException e) {
            throw new CodecException("job '" + plan.jobName() + "' cannot use the serialized exchange: " + e.getMessage(), e);
        }
    }

    private static SchedulerFactory findScheduler(String name) {
        List<SchedulerFactory> all = ServiceLoader.load(SchedulerFactory.class).stream().map(ServiceLoader.Provider::get).toList();
        for (SchedulerFactory f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("option '" + ExecutionOptions.SCHEDULER.key() + "': no scheduler named '" + name
                + "'; available: " + all.stream().map(SchedulerFactory::name).sorted().toList());
    }

    /** A channel with its display names (for metrics). */
    record NamedChannel(Channel channel, String producer, String consumer) {
    }
}
