package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;

/** What one {@link Tasklet#call()} achieved. */
@Evolving
public enum ProgressState {
    /** Some work was done; call again soon. */
    MADE_PROGRESS,
    /** Nothing could be done (no input, or output full); the scheduler may idle before the next call. */
    NO_PROGRESS,
    /** The tasklet has finished for good: never call it again. */
    DONE;

    /** {@code true} for {@link #MADE_PROGRESS} and {@link #DONE}: the call was not wasted. */
    public boolean madeProgress() {
        return this != NO_PROGRESS;
    }
}
