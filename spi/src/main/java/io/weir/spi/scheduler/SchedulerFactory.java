package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

/**
 * Creates {@link Scheduler}s. Discovered through {@link java.util.ServiceLoader}; a job selects one
 * by {@link #name()} with the {@code scheduler} configuration option.
 *
 * <h2>Thread safety</h2>
 * {@link #create} may be called from any thread, once per job run (and once more per restart).
 */
@Evolving
public interface SchedulerFactory {

    /** The unique name used in configuration, such as {@code "cooperative"}. Lower case, no spaces. */
    String name();

    /** A one-line description shown by {@code weir plugins}. */
    default String description() {
        return name();
    }

    /** A fresh scheduler for one run of a job. */
    Scheduler create(SchedulerContext context);
}
