package io.weir.runtime.task;

/**
 * What the job's watchdog reads of a tasklet, from another thread: how often it was called, whether a
 * call is running, whether it is done.
 */
public interface Monitored {

    /** The tasklet's name. */
    String name();

    /** Calls so far, plus progress reported inside long calls; changes whenever the scheduler calls the tasklet or a long call makes progress. */
    long calls();

    /** {@code true} while a call is running. */
    boolean inCall();

    /** {@code true} once the tasklet is done. */
    boolean isFinished();
}
