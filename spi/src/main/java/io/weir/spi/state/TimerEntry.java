package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * One timer held by a {@link TimerStore}: a timestamp for a key and a namespace. Two timers with the
 * same three parts are the same timer.
 *
 * <h2>Thread safety</h2>
 * Immutable as seen by callers.
 *
 * @param <N> the namespace type
 */
@Evolving
public interface TimerEntry<N> {

    /** When the timer is due (event time or processing time, per the store). */
    long timestamp();

    /** The key it was registered for. */
    Object key();

    /** The namespace it was registered for. */
    N namespace();
}
