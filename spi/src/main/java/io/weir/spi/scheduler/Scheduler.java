package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

import java.time.Duration;
import java.util.List;

/**
 * Maps a job's tasklets to threads and runs them.
 *
 * <p>Lifecycle, driven by the runtime, each method called once and in this order:
 * {@link #start(List)}, then {@link #stop()}, then {@link #awaitTermination(Duration)}. The runtime
 * calls {@code stop()} when every tasklet is {@link ProgressState#DONE}, when the job fails and when
 * it is cancelled; after {@code stop()} no tasklet may be called again once its current call returns.
 *
 * <p>A scheduler must call every tasklet until it is done, with no tasklet starved for ever: the
 * runtime's watchdog fails the job with an error naming the scheduler when tasklets stop being
 * called while data is waiting for them.
 *
 * <h2>Thread safety</h2>
 * The lifecycle methods are called from a runtime thread, never from a tasklet.
 */
@Evolving
public interface Scheduler {

    /** Starts running the tasklets on threads of the scheduler's choosing and returns at once. */
    void start(List<Tasklet> tasklets);

    /** Asks every thread to finish its current call and exit; returns at once. */
    void stop();

    /** Waits up to {@code timeout} for every thread to exit; {@code true} if they all did. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;
}
