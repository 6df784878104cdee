package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

/**
 * One unit of cooperative work: a subtask of the job (a chain of operators) or a coordinator.
 *
 * <p>Lifecycle: a {@link Scheduler} calls {@link #init()} once, on the thread that will run the
 * tasklet, then {@link #call()} again and again until it returns {@link ProgressState#DONE} or the
 * scheduler is stopped. It never calls {@code call()} after {@code DONE}. The runtime, not the
 * scheduler, releases the tasklet's resources.
 *
 * <p>{@code call()} does a bounded amount of work (a batch of records, a few control events) and
 * returns; it never blocks, unless {@link #isCooperative()} is {@code false}. An exception thrown
 * from {@code init()} or {@code call()} is a failure of the tasklet: the scheduler must report it
 * through {@link SchedulerContext#reportFailure} and must not call the tasklet again.
 *
 * <h2>Thread safety</h2>
 * A tasklet is single-threaded: the scheduler must never run {@code init()} or {@code call()} of
 * one tasklet on two threads at once, and must make each call happen-after the previous one (any
 * hand-off between threads through a volatile write/read or a lock-free queue satisfies this).
 */
@Evolving
public interface Tasklet {

    /** A human-readable name, unique in the job, such as {@code "map -> filter (2/4)"}. */
    String name();

    /** Called once before the first {@link #call()}, on the thread that will run it. */
    default void init() {
    }

    /** Does a bounded amount of work and says whether it made progress. */
    ProgressState call();

    /**
     * {@code false} when {@code call()} may block (file or network I/O): a pooled scheduler must
     * then give the tasklet a thread of its own rather than share a worker with others.
     */
    default boolean isCooperative() {
        return true;
    }
}
