package io.weir.runtime.timers;

/**
 * The operator side of an {@link InternalTimerService}: called when one of its timers fires, with the
 * timer's key already set as the current key (so keyed state reads that key's state). A callback may
 * register and delete timers; a timer it registers that is already due fires in the same advance.
 * Exceptions propagate to the caller of the advance (the timer is gone by then).
 *
 * <h2>Thread safety</h2>
 * Called on the task's thread only.
 *
 * @param <N> the namespace type
 */
public interface Triggerable<N> {

    /** An event-time timer fired: the watermark reached {@code timer.timestamp()}. */
    void onEventTime(InternalTimer<N> timer);

    /** A processing-time timer fired: the clock reached {@code timer.timestamp()}. */
    void onProcessingTime(InternalTimer<N> timer);
}
