package io.weir.proptest.simulation;

import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.List;

/**
 * The scheduler of one attempt of a job in a {@link Simulation}: {@link #start} hands the tasklets to the
 * simulation, {@link #stop()} takes them back. No thread of its own.
 *
 * <h2>Thread safety</h2>
 * Called by the runtime on the simulation's thread (the thread that started the job, then the one running
 * the simulation's steps, which runs the supervisor).
 */
final class SimulationScheduler implements Scheduler {
    private final Simulation simulation;
    private final SchedulerContext context;
    private boolean started;

    SimulationScheduler(Simulation simulation, SchedulerContext context) {
        this.simulation = simulation;
        this.context = context;
    }

    @Override
    public void start(List<Tasklet> tasklets) {
        if (started) {
            throw new IllegalStateException("start() may be called only once");
        }
        started = true;
        simulation.register(this, context, tasklets);
    }

    @Override
    public void stop() {
        simulation.unregister(this);
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
        return true; // no call is ever in flight when the supervisor (on the simulation's thread) stops us
    }
}
