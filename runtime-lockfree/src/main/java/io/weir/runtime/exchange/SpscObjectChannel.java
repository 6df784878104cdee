package io.weir.runtime.exchange;

import org.jctools.queues.SpscArrayQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Object hand-off: the producer fills {@link ObjectBatch}es with references and passes full ones to
 * the consumer through a JCTools {@link SpscArrayQueue}; the consumer returns emptied batches through
 * a second SPSC queue, so that in steady state nothing is allocated per record or per batch.
 *
 * <pre>
 *   producer                         batches (capacity)                       consumer
 *   ObjectChannelWriter  --offer-->  [ SpscArrayQueue&lt;ObjectBatch&gt; ]  --poll-->  ObjectChannelReader
 *          ^                                                                        |
 *          +--------poll---------  [ SpscArrayQueue&lt;ObjectBatch&gt; ]  &lt;--offer------+
 *                                  recycled (capacity + 4)
 * </pre>
 *
 * <h2>Thread safety</h2>
 * Single producer, single consumer (see {@link Channel}). {@link #size()}, {@link #capacity()} and
 * {@link #isClosedAcquire()} may be called from any thread; the closed flag is written with
 * {@code setRelease} and read with {@code getAcquire}.
 */
final class SpscObjectChannel implements Channel {

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(SpscObjectChannel.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final int batchSize;
    private final SpscArrayQueue<ObjectBatch> batches;
    private final SpscArrayQueue<ObjectBatch> recycled;
    private final ObjectChannelWriter writer;
    private final ObjectChannelReader reader;
    @SuppressWarnings("unused") // accessed through CLOSED
    private boolean closed;

    SpscObjectChannel(ChannelSettings settings, String name) {
        this.name = name;
        this.batchSize = settings.batchSize();
        this.batches = new SpscArrayQueue<>(settings.capacity());
        // every batch in circulation fits: queued ones, the writer's, the reader's, and slack for pending
        this.recycled = new SpscArrayQueue<>(batches.capacity() + 4);
        this.writer = new ObjectChannelWriter(this, batches, recycled, batchSize);
        this.reader = new ObjectChannelReader(this, batches, recycled);
    }

    @Override
    public ChannelWriter writer() {
        return writer;
    }

    @Override
    public ChannelReader reader() {
        return reader;
    }

    @Override
    public long size() {
        return reader.delivered().pendingAfter(writer);
    }

    @Override
    public long capacity() {
        return (long) batches.capacity() * batchSize;
    }

    @Override
    public void close() {
        CLOSED.setRelease(this, true);
        batches.clear();
        recycled.clear();
    }

    /** Any thread. */
    boolean isClosedAcquire() {
        return (boolean) CLOSED.getAcquire(this);
    }

    /** Throws when the channel was closed; called once per batch or poll, not per record. */
    void checkOpen() {
        if (isClosedAcquire()) {
            throw new IllegalStateException("channel " + name + " is closed");
        }
    }

    @Override
    public String toString() {
        return "SpscObjectChannel[" + name + ", size=" + size() + "/" + capacity() + "]";
    }
}
