package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

/**
 * What a worker thread does when a round of work made no progress: spin, yield, back off, park.
 * Shaped like Agrona's {@code IdleStrategy}.
 *
 * <h2>Thread safety</h2>
 * One instance per thread; not thread-safe.
 */
@Evolving
public interface IdleStrategy {

    /**
     * Called after each round of work: resets when {@code workCount > 0}, otherwise idles one step.
     */
    default void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    /** Idles one step, escalating from step to step as the strategy defines. */
    void idle();

    /** Returns to the first (cheapest) step after work was found. */
    void reset();
}
