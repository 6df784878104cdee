package io.weir.runtime.scheduler;

import io.weir.api.config.ExecutionOptions;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;

/**
 * The {@code cooperative} scheduler (the default): a fixed pool of daemon workers
 * ({@link ExecutionOptions#WORKERS}, 0 meaning one per core), each cycling through its tasklets;
 * non-cooperative tasklets get a thread of their own. Registered with {@link java.util.ServiceLoader}.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class CooperativeSchedulerFactory implements SchedulerFactory {
    /** The name that selects this scheduler in the {@code scheduler} option. */
    public static final String NAME = "cooperative";

    /** For {@link java.util.ServiceLoader}. */
    public CooperativeSchedulerFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a fixed pool of worker threads (scheduler.workers, 0 = one per core) cycling through tasklets";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@link ExecutionOptions#WORKERS} is negative
     */
    @Override
    public Scheduler create(SchedulerContext context) {
        return new CooperativeScheduler(context);
    }
}
