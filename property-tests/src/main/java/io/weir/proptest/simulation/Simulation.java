package io.weir.proptest.simulation;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.time.ManualClock;
import io.weir.runtime.execution.JobDriver;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * A deterministic world for one job: every tasklet of every attempt, the job's supervisor and its
 * checkpoint I/O run on the thread that calls {@link #run}, one step at a time, each step chosen by a
 * {@link SplittableRandom} seeded with {@link #seed()}; processing time is a {@link ManualClock} that
 * only the simulation advances (so periodic checkpoints, whose interval follows the job clock, are
 * triggered at seeded moments too). Given the same job, configuration and fault injector, two runs with
 * the same seed take the same steps and produce the same {@link #traceHash()}.
 *
 * <p>Use: {@link #configure} an environment (it selects the {@code simulation} scheduler, this driver and
 * the clock), {@code executeAsync}, then {@link #run} until the job ends.
 *
 * <h2>Thread safety</h2>
 * Confined to the thread that calls {@link #run} (the runtime calls {@link #attach}, the schedulers and the
 * executor from that thread or the one that started the job, before {@code run}); the queue of checkpoint
 * I/O is concurrent so that misuse from another thread cannot corrupt it.
 */
public final class Simulation implements JobDriver {
    /** The option through which the {@code simulation} scheduler finds its simulation. */
    public static final ConfigOption<Simulation> OPTION = ConfigOption.of("scheduler.simulation", Simulation.class, null,
            "the deterministic world the 'simulation' scheduler runs its tasklets in");

    private static final int TRACE_KEPT = 64;
    /** System property: when set, every step is kept ({@link #recentSteps()} returns them all), for debugging. */
    public static final String FULL_TRACE_PROPERTY = "weir.simulation.full-trace";

    private final long seed;
    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock(0);
    private final List<Running> tasklets = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> io = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private Supervisor supervisor;
    private long nanos;
    private long steps;
    private long taskletCalls;
    private long traceHash = 1469598103934665603L;
    private final boolean fullTrace = Boolean.getBoolean(FULL_TRACE_PROPERTY);

    /** A tasklet as the simulation runs it, with the scheduler that owns it. */
    private static final class Running {
        final Tasklet tasklet;
        final SchedulerContext context;
        final Object owner;
        boolean initialized;

        Running(Tasklet tasklet, SchedulerContext context, Object owner) {
            this.tasklet = tasklet;
            this.context = context;
            this.owner = owner;
        }
    }

    /** A world whose every choice follows {@code seed}. */
    public Simulation(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The job clock (processing time), advanced only by the simulation. */
    public ManualClock clock() {
        return clock;
    }

    /** Makes {@code env} run on this simulation: the {@code simulation} scheduler, this driver, this clock. */
    public StreamEnvironment configure(StreamEnvironment env) {
        return env.configure(ExecutionOptions.SCHEDULER, SimulationSchedulerFactory.NAME)
                .configure(OPTION, this)
                .configure(JobDriver.OPTION, this)
                .configure(ExecutionOptions.CLOCK, clock);
    }

    // ---- JobDriver ---------------------------------------------------------------------------------

    @Override
    public void attach(String jobName, Supervisor supervisor) {
        if (this.supervisor != null) {
            throw new IllegalStateException("simulation " + seed + " already drives a job; use one simulation per job run");
        }
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    }

    @Override
    public Executor checkpointExecutor() {
        return io::add;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    // ---- what the scheduler calls --------------------------------------------------------------------

    void register(Object owner, SchedulerContext context, List<Tasklet> added) {
        for (Tasklet t : added) {
            tasklets.add(new Running(t, context, owner));
        }
        trace("start " + added.size());
    }

    void unregister(Object owner) {
        tasklets.removeIf(r -> r.owner == owner);
        trace("stop");
    }

    // ---- running ---------------------------------------------------------------------------------------

    /** How a {@link #run} ended. */
    public enum Outcome {
        /** The job reached a terminal state. */
        ENDED,
        /** The step budget ran out first: the job hangs (or needs more steps). */
        OUT_OF_STEPS
    }

    /**
     * Runs steps until the job has ended or {@code maxSteps} were taken; {@code beforeStep} is told the
     * number of every step before it is taken (for actions at a generated moment, such as a savepoint).
     */
    public Outcome run(JobClient job, long maxSteps, LongConsumer beforeStep) {
        if (supervisor == null) {
            throw new IllegalStateException("no job is attached: configure the environment with this simulation and start the job first");
        }
        Objects.requireNonNull(job, "job");
        for (long i = 0; i < maxSteps; i++) {
            beforeStep.accept(steps);
            steps++;
            if (step()) {
                return Outcome.ENDED;
            }
        }
        return Outcome.OUT_OF_STEPS;
    }

    /** One step; {@code true} when the job has ended. */
    private boolean step() {
        int roll = random.nextInt(100);
        if (roll < 8 && !io.isEmpty()) {
            trace("io");
            io.poll().run();
            return false;
        }
        if (roll >= 8 && roll < 11) {
            long millis = 1 + random.nextInt(10);
            clock.advance(Duration.ofMillis(millis));
            nanos += millis * 1_000_000L;
            trace("clock +" + millis);
            return false;
        }
        if (roll < 17 || tasklets.isEmpty()) {
            boolean ended = supervisor.step();
            trace(ended ? "supervisor: ended" : "supervisor");
            return ended;
        }
        Running r = tasklets.get(random.nextInt(tasklets.size()));
        ProgressState state = call(r);
        trace(r.tasklet.name() + " " + state);
        return false;
    }

    private ProgressState call(Running r) {
        taskletCalls++;
        try {
            if (!r.initialized) {
                r.initialized = true;
                r.tasklet.init();
            }
            ProgressState state = r.tasklet.call();
            if (state == null) {
                throw new IllegalStateException("tasklet '" + r.tasklet.name() + "' returned null from call()");
            }
            if (state == ProgressState.DONE) {
                tasklets.remove(r);
            }
            return state;
        } catch (Throwable failure) {
            tasklets.remove(r);
            r.context.reportFailure(r.tasklet, failure);
            return ProgressState.DONE;
        }
    }

    private void trace(String event) {
        long h = traceHash;
        for (int i = 0; i < event.length(); i++) {
            h = (h ^ event.charAt(i)) * 1099511628211L;
        }
        traceHash = (h ^ '\n') * 1099511628211L;
        recent.addLast(steps + ": " + event);
        if (recent.size() > TRACE_KEPT && !fullTrace) {
            recent.removeFirst();
        }
    }

    /** A hash of every step taken so far (what ran and what it returned): equal for equal runs. */
    public long traceHash() {
        return traceHash;
    }

    /** The number of steps taken. */
    public long steps() {
        return steps;
    }

    /** The number of tasklet calls among the steps. */
    public long taskletCalls() {
        return taskletCalls;
    }

    /** The last steps taken, oldest first (for a failure message). */
    public List<String> recentSteps() {
        return List.copyOf(recent);
    }
}
