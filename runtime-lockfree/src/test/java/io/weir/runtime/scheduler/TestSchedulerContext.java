package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.spi.scheduler.IdleStrategy;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;
import io.weir.spi.scheduler.WorkerProbe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A {@link SchedulerContext} for tests: records failures and per-worker probe totals, and lets a test
 * replace the idle strategy. Thread-safe.
 */
public final class TestSchedulerContext implements SchedulerContext {
    /** One {@link #reportFailure} call; {@code tasklet} is {@code null} for a failure of the scheduler. */
    public record Failure(Tasklet tasklet, Throwable cause) {
    }

    /** Busy and idle totals of one worker. */
    public static final class CountingProbe implements WorkerProbe {
        private final AtomicLong busyNanos = new AtomicLong();
        private final AtomicLong idleNanos = new AtomicLong();

        @Override
        public void busy(long nanos) {
            busyNanos.addAndGet(nanos);
        }

        @Override
        public void idle(long nanos) {
            idleNanos.addAndGet(nanos);
        }

        public long busyNanos() {
            return busyNanos.get();
        }

        public long idleNanos() {
            return idleNanos.get();
        }
    }

    public static final String JOB_NAME = "test-job";

    private final Configuration configuration;
    private final int availableCores;
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, CountingProbe> probes = new ConcurrentHashMap<>();
    private volatile Supplier<IdleStrategy> idleStrategies;

    public TestSchedulerContext(Configuration configuration, int availableCores) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.availableCores = availableCores;
        this.idleStrategies = () -> IdleStrategies.create(configuration.get(ExecutionOptions.IDLE_STRATEGY));
    }

    /** Makes {@link #newIdleStrategy()} use {@code supplier} from now on. */
    public TestSchedulerContext withIdleStrategies(Supplier<IdleStrategy> supplier) {
        this.idleStrategies = Objects.requireNonNull(supplier, "supplier");
        return this;
    }

    @Override
    public String jobName() {
        return JOB_NAME;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public int availableCores() {
        return availableCores;
    }

    @Override
    public IdleStrategy newIdleStrategy() {
        return idleStrategies.get();
    }

    @Override
    public WorkerProbe registerWorker(String workerName) {
        CountingProbe probe = new CountingProbe();
        if (probes.putIfAbsent(workerName, probe) != null) {
            throw new IllegalStateException("worker '" + workerName + "' was registered twice");
        }
        return probe;
    }

    @Override
    public void reportFailure(Tasklet tasklet, Throwable cause) {
        failures.add(new Failure(tasklet, cause));
    }

    /** Every failure reported so far, in order. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The probe of every registered worker, by worker name. */
    public Map<String, CountingProbe> probes() {
        return Map.copyOf(probes);
    }

    public long totalBusyNanos() {
        return probes.values().stream().mapToLong(CountingProbe::busyNanos).sum();
    }

    public long totalIdleNanos() {
        return probes.values().stream().mapToLong(CountingProbe::idleNanos).sum();
    }
}
