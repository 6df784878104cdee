package io.weir.runtime.exchange;

/**
 * The consumer side of a {@link Channel}: delivers elements in exactly the order they were written.
 *
 * <h2>Thread safety</h2>
 * Exactly one consumer thread (or a sequence of threads with a happens-before edge between their
 * calls). Not thread-safe. The handler is called on the polling thread.
 */
public interface ChannelReader {

    /**
     * Delivers up to {@code limit} published elements, in order, to {@code handler}. Stops early
     * right after a control event for which {@link ElementHandler#onControl} returns {@code false};
     * the next poll resumes with the element after it.
     *
     * <p>If the handler throws, the element it was given counts as delivered and the exception
     * propagates; the next poll resumes after that element.
     *
     * @param limit the most elements to deliver, {@code > 0}
     * @return how many elements were delivered, including a stopping control event; {@code 0} when
     *         nothing was available
     */
    int poll(ElementHandler handler, int limit);
}
