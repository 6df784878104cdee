package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;

/**
 * Receives the elements of a {@link ChannelReader#poll} in order: records as {@code (value,
 * timestamp)} pairs (no wrapper object per record) and control events as themselves.
 *
 * <h2>Thread safety</h2>
 * Called only on the consumer thread that polls; an implementation needs no synchronisation of its own.
 */
public interface ElementHandler {

    /** One record with its event time ({@link io.weir.runtime.element.StreamElement#NO_TIMESTAMP} when none). */
    void onRecord(Object value, long timestamp);

    /**
     * One control event.
     *
     * @return {@code false} to stop the current poll right after this event (barrier alignment, end
     *         of input); {@code true} to go on
     */
    boolean onControl(ControlEvent event);
}
