package io.weir.runtime.exchange;

/**
 * A bounded single-producer single-consumer channel between one producer subtask and one consumer
 * subtask. Created by the runtime through {@link Channels#create}; a full channel is back-pressure
 * (see {@link ChannelWriter}), never loss and never unbounded growth.
 *
 * <h2>Thread safety</h2>
 * {@link #writer()} is used by the producer thread only and {@link #reader()} by the consumer thread
 * only. {@link #size()} and {@link #capacity()} may be read from any thread (metrics, watchdog).
 * {@link #close()} is called once both sides have stopped; it is idempotent.
 */
public interface Channel extends AutoCloseable {

    /** The producer side; always the same instance. */
    ChannelWriter writer();

    /** The consumer side; always the same instance. */
    ChannelReader reader();

    /**
     * Approximate number of elements published but not yet delivered: never negative, may lag the
     * truth by the elements of a batch that is crossing right now. Readable from any thread.
     */
    long size();

    /**
     * The capacity in elements, for the fill-level metric: exact in object mode (batches times batch
     * size); an estimate from the average encoded element size in serialized mode.
     */
    long capacity();

    /**
     * Releases the channel's buffers (off-heap memory in serialized mode). Call only after both the
     * producer and the consumer have stopped. Afterwards {@link ChannelReader#poll},
     * {@link ChannelWriter#flush()} and any write that publishes a batch throw
     * {@link IllegalStateException} (never a crash: freed off-heap memory is not reachable). Idempotent.
     */
    @Override
    void close();
}
