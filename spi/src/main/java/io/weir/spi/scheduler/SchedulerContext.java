package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

/**
 * What the runtime gives a {@link Scheduler}: configuration, idle strategies, a place to report
 * failures and worker metrics.
 *
 * <h2>Thread safety</h2>
 * All methods may be called from any thread.
 */
@Evolving
public interface SchedulerContext {

    /** The name of the job being run, for thread names and messages. */
    String jobName();

    /** The job's configuration (the scheduler reads its own options from it). */
    Configuration configuration();

    /** The number of cores this job may use; the cooperative scheduler starts one worker each. */
    int availableCores();

    /** A new idle strategy, as configured for the job ({@code scheduler.idle-strategy}); one per thread. */
    IdleStrategy newIdleStrategy();

    /** Registers a worker thread for metrics; call once per thread, from any thread. */
    WorkerProbe registerWorker(String workerName);

    /**
     * Reports that a tasklet threw from {@code init()} or {@code call()}, or that the scheduler itself
     * failed ({@code tasklet} is then {@code null}). The runtime fails the job and stops the scheduler.
     */
    void reportFailure(Tasklet tasklet, Throwable cause);
}
