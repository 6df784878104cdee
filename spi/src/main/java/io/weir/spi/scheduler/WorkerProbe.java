package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

/**
 * Where a scheduler's worker thread reports how it spends its time, for the per-worker busy
 * fraction that {@code JobClient.metrics()} shows. Obtained from
 * {@link SchedulerContext#registerWorker(String)}.
 *
 * <h2>Thread safety</h2>
 * Each probe has a single writer, the worker thread it was registered for; the runtime reads it
 * from other threads.
 */
@Evolving
public interface WorkerProbe {

    /** Adds {@code nanos} spent in tasklet calls that made progress. */
    void busy(long nanos);

    /** Adds {@code nanos} spent in calls that made no progress and in idling. */
    void idle(long nanos);
}
