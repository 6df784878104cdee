package io.weir.proptest.simulation;

import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;

/**
 * The {@code simulation} scheduler: every tasklet on the thread that runs the {@link Simulation} found in
 * the job's configuration ({@link Simulation#OPTION}), the next tasklet chosen by its seeded random
 * generator. Registered with {@link java.util.ServiceLoader}. Use {@link Simulation#configure} rather
 * than selecting it by name alone: it also needs the simulation as the job's driver and clock.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class SimulationSchedulerFactory implements SchedulerFactory {
    /** The name that selects this scheduler in the {@code scheduler} option. */
    public static final String NAME = "simulation";

    /** For {@link java.util.ServiceLoader}. */
    public SimulationSchedulerFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "deterministic simulation: every tasklet on one thread, in an order drawn from a seed (tests)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the job's configuration carries no {@link Simulation}
     */
    @Override
    public Scheduler create(SchedulerContext context) {
        Simulation simulation = context.configuration().get(Simulation.OPTION);
        if (simulation == null) {
            throw new IllegalArgumentException("scheduler '" + NAME + "' of job '" + context.jobName()
                    + "' needs a Simulation in option '" + Simulation.OPTION.key()
                    + "'; configure the environment with Simulation.configure(env)");
        }
        return new SimulationScheduler(simulation, context);
    }
}
