package io.weir.runtime.execution;

import io.weir.api.JobClient;
import io.weir.api.JobFailedException;
import io.weir.api.JobResult;
import io.weir.api.JobStatus;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.execution.JobPlan;
import io.weir.api.metrics.ChannelMetrics;
import io.weir.api.metrics.JobMetrics;
import io.weir.api.metrics.OperatorMetrics;
import io.weir.runtime.exchange.Channel;
import io.weir.runtime.exchange.ChannelSettings;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.operators.OperatorException;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.Monitored;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.scheduler.Tasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a job on this machine, and its {@link JobClient}. Builds the job graph, the channels and the
 * tasks, hands the tasklets to the configured scheduler and supervises the run from a thread of its own:
 * it notices the end (every task done), a failure (reported by the scheduler), a cancel request and the
 * watchdog's verdict, then stops the scheduler, releases resources and completes the result.
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
    private final PhysicalPlan physical;
    private final String schedulerName;
    private final Scheduler scheduler;
    private final WorkerProbes probes = new WorkerProbes();
    private final AtomicInteger runningTasks;
    private final AtomicReference<JobFailedException> failure = new AtomicReference<>();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final long watchdogTimeoutNanos;
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile boolean cancelRequested;
    private volatile JobMetrics finalMetrics;
    private Thread supervisor;
    private long startNanos;

    private JobRun(JobPlan plan) {
        this.plan = plan;
        this.configuration = plan.configuration();
        this.graph = JobGraphBuilder.build(plan);
        ExchangeMode mode = configuration.get(ExecutionOptions.EXCHANGE_MODE);
        ChannelSettings settings = ChannelSettings.from(configuration);
        this.watchdogTimeoutNanos = configuration.get(ExecutionOptions.WATCHDOG_TIMEOUT).toNanos();
        if (watchdogTimeoutNanos <= 0) {
            throw new IllegalArgumentException("option '" + ExecutionOptions.WATCHDOG_TIMEOUT.key() + "' must be positive");
        }
        this.schedulerName = configuration.get(ExecutionOptions.SCHEDULER);
        SchedulerFactory factory = findScheduler(schedulerName);
        this.physical = PhysicalPlan.create(graph, plan, mode, settings, this::codecFor);
        this.runningTasks = new AtomicInteger(physical.tasks().size());
        for (StreamTask t : physical.tasks()) {
            t.onFinished(this::taskFinished);
        }
        this.scheduler = factory.create(new RunSchedulerContext(this));
    }

    /** Validates and starts a job; throws for a bad plan before any thread starts. */
    public static JobRun start(JobPlan plan) {
        JobRun run = new JobRun(plan);
        run.launch();
        return run;
    }

    private void launch() {
        LOG.debug("starting {}", graph.describe());
        startNanos = System.nanoTime();
        status = JobStatus.RUNNING;
        supervisor = Thread.ofPlatform().daemon().name("weir-" + plan.jobName() + "-supervisor").unstarted(this::supervise);
        List<Tasklet> tasklets = new ArrayList<>(physical.coordinators());
        tasklets.addAll(physical.tasks());
        try {
            scheduler.start(List.copyOf(tasklets));
        } catch (RuntimeException e) {
            fail(new JobFailedException("job '" + plan.jobName() + "': scheduler '" + schedulerName
                    + "' failed to start: " + e, e));
        }
        supervisor.start();
    }

    // ---- events from other threads ---------------------------------------------------------

    private void taskFinished() {
        if (runningTasks.decrementAndGet() == 0) {
            LockSupport.unpark(supervisor);
        }
    }

    /** Records the first failure and wakes the supervisor. */
    void fail(JobFailedException e) {
        if (failure.compareAndSet(null, e)) {
            LockSupport.unpark(supervisor);
        } else if (failure.get() != e) {
            failure.get().addSuppressed(e);
        }
    }

    /** A tasklet (or, with {@code tasklet == null}, the scheduler) failed. */
    void taskletFailed(Tasklet tasklet, Throwable cause) {
        fail(toJobFailure(tasklet, cause));
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
        Watchdog watchdog = new Watchdog(monitored(), watchdogTimeoutNanos, System::nanoTime);
        long park = Math.max(1_000_000L, Math.min(watchdogTimeoutNanos / 4, 50_000_000L));
        JobStatus end;
        while (true) {
            if (failure.get() != null) {
                end = JobStatus.FAILED;
                break;
            }
            if (cancelRequested) {
                end = JobStatus.CANCELED;
                break;
            }
            if (runningTasks.get() == 0) {
                end = JobStatus.FINISHED;
                break;
            }
            String verdict = watchdog.check();
            if (verdict != null) {
                fail(new JobFailedException("job '" + plan.jobName() + "' made no progress: " + verdict
                        + " (scheduler '" + schedulerName + "', " + physical.queuedElements()
                        + " elements waiting in channels); failing it rather than hanging", null));
                continue;
            }
            LockSupport.parkNanos(this, park);
        }
        finish(end);
    }

    private List<Monitored> monitored() {
        List<Monitored> m = new ArrayList<>(physical.coordinators());
        m.addAll(physical.tasks());
        return m;
    }

    private void finish(JobStatus end) {
        scheduler.stop();
        boolean stopped;
        try {
            stopped = scheduler.awaitTermination(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            LOG.warn("job '{}': scheduler '{}' threads did not stop within {}; resources stay allocated",
                    plan.jobName(), schedulerName, STOP_TIMEOUT);
        } else {
            for (StreamTask t : physical.tasks()) {
                try {
                    t.closeChain();
                } catch (RuntimeException e) {
                    if (end == JobStatus.FINISHED) {
                        fail(toJobFailure(t, e));
                        end = JobStatus.FAILED;
                    } else {
                        LOG.debug("closing {} after {}: {}", t.name(), end, e.toString());
                    }
                }
            }
        }
        finalMetrics = snapshotMetrics();
        if (stopped) {
            physical.close();
        }
        status = end;
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (end == JobStatus.FAILED) {
            result.completeExceptionally(failure.get());
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
    public JobMetrics metrics() {
        JobMetrics done = finalMetrics;
        return done != null ? done : snapshotMetrics();
    }

    private JobMetrics snapshotMetrics() {
        List<OperatorMetrics> ops = new ArrayList<>();
        for (StreamTask t : physical.tasks()) {
            ops.addAll(t.metrics());
        }
        List<ChannelMetrics> channels = physical.channelMetrics();
        return new JobMetrics(ops, channels, probes.snapshot());
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
