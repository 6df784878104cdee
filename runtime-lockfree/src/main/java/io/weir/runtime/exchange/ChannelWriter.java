package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;

/**
 * The producer side of a {@link Channel}. Elements are appended to a bounded current batch that is
 * published to the consumer when it is full, when a control event is written, or on {@link #flush()}.
 *
 * <p>Back-pressure: writing never refuses and never drops. When the channel is full, published
 * batches wait in a small producer-local pending list and {@link #hasCapacity()} turns
 * {@code false}; the producer must then stop taking new input and call {@link #flush()} on its next
 * turn until it returns {@code true}. Because the runtime checks {@link #hasCapacity()} before every
 * input element, the pending list holds at most what one input element expands into.
 *
 * <h2>Thread safety</h2>
 * Exactly one producer thread, the same for the channel's lifetime (a cooperative scheduler may move
 * a tasklet between threads only with a happens-before edge between its calls). Not thread-safe.
 */
public interface ChannelWriter {

    /**
     * Appends a record to the current batch, publishing the batch when it becomes full. Never
     * refuses: see {@link #hasCapacity()}.
     *
     * @param value     the record: handed over as is in object mode, encoded by the channel's codec
     *                  in serialized mode
     * @param timestamp its event time, or {@link io.weir.runtime.element.StreamElement#NO_TIMESTAMP}
     * @throws io.weir.api.codec.CodecException in serialized mode, when the codec fails or the
     *                  encoded record is larger than one buffer ({@code exchange.buffer-size})
     */
    void writeRecord(Object value, long timestamp);

    /**
     * Appends a control event and publishes the current batch immediately: control events are never
     * delayed. If the channel is full the batch joins the pending list (order is kept).
     */
    void writeControl(ControlEvent event);

    /**
     * Moves pending batches into the channel while it has room, then publishes the current partial
     * batch if nothing is pending. Called at the end of every tasklet call.
     *
     * @return {@code true} when every element written so far has been published; {@code false} when
     *         some are still waiting for room (call again later)
     */
    boolean flush();

    /**
     * How many elements this writer has handed to the consumer so far (producer thread only): a
     * {@link #flush()} that returns {@code false} may still have moved pending batches into the channel,
     * and the runtime counts that as progress, so that a producer with a long pending list (a window
     * firing a million results at once) goes on feeding its consumer instead of idling between refills.
     */
    long published();

    /**
     * {@code true} while the producer may go on producing; {@code false} when the channel was full
     * and batches are pending. Only {@link #flush()} turns it back to {@code true}. A cheap query
     * without side effects.
     */
    boolean hasCapacity();
}
