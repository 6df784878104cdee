package io.weir.connectors.datagen;

/**
 * Produces the {@code i}-th event of a stream as a pure function of {@code i} (and the generator's own
 * immutable settings, such as a seed), so that any reader can generate any part of the stream and a
 * position is just the next index.
 *
 * <h2>Thread safety</h2>
 * Immutable; called concurrently by every reader.
 *
 * @param <T> event type
 */
public interface IndexedGenerator<T> {

    /** Event number {@code index}, {@code index >= 0}. */
    T event(long index);

    /** The event time of {@code event}, which is event number {@code index}, epoch milliseconds. */
    long timestamp(long index, T event);

    /** The class of the events. */
    Class<T> type();
}
