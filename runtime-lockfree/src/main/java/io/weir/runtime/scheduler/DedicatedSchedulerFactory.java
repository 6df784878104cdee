package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;

/**
 * The {@code dedicated} scheduler: one daemon thread per tasklet, {@code weir-<job>-<tasklet name>}.
 * Lowest latency when there are fewer tasklets than cores. Registered with {@link java.util.ServiceLoader}.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class DedicatedSchedulerFactory implements SchedulerFactory {
    /** The name that selects this scheduler in the {@code scheduler} option. */
    public static final String NAME = "dedicated";

    /** For {@link java.util.ServiceLoader}. */
    public DedicatedSchedulerFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one thread per tasklet, idling with the configured idle strategy";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new DedicatedScheduler(context);
    }
}
