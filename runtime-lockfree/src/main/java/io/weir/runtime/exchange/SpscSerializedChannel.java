package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Serialized hand-off: the producer encodes elements with the channel's codec into fixed-size
 * off-heap buffers from a {@link SpscBufferPool} and passes each filled buffer's index and length
 * through an Agrona {@link OneToOneRingBuffer}; the consumer decodes the buffer and returns it to the
 * pool.
 *
 * <pre>
 *   SerializedChannelWriter --tryClaim/commit(index, length)--> [ OneToOneRingBuffer ] --read--> SerializedChannelReader
 *          ^  acquire                                                                              | release
 *          +---------------------------- SpscBufferPool (free buffers) <---------------------------+
 * </pre>
 *
 * <p>The ring buffer holds {@code max(8, capacity)} messages (Agrona's minimum size); the pool starts
 * with that many buffers plus the writer's, the reader's and two for a pending burst, and grows only
 * when a larger burst is pending.
 *
 * <h2>Thread safety</h2>
 * Single producer, single consumer (see {@link Channel}); {@link #size()}, {@link #capacity()} and
 * {@link #close()} from any thread.
 */
final class SpscSerializedChannel implements Channel {

    /** The fewest messages the ring holds: Agrona wants its largest message to be at most 1/8 of the ring. */
    static final int MIN_SLOTS = 8;

    private final String name;
    private final int slots;
    private final SpscBufferPool pool;
    private final SerializedChannelWriter writer;
    private final SerializedChannelReader reader;

    SpscSerializedChannel(Codec<Object> codec, ChannelSettings settings, String name) {
        this.name = name;
        this.slots = Math.max(MIN_SLOTS, settings.capacity());
        int slotLength = RecordDescriptor.HEADER_LENGTH + ElementDescriptor.MESSAGE_LENGTH; // 16: already aligned
        int ringLength = slots * slotLength + RingBufferDescriptor.TRAILER_LENGTH;
        OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
                BufferUtil.allocateDirectAligned(ringLength, SpscBufferPool.BUFFER_ALIGNMENT_INT)));
        this.pool = new SpscBufferPool(settings.bufferSize(), slots + 4);
        this.writer = new SerializedChannelWriter(name, codec, pool, ring);
        this.reader = new SerializedChannelReader(name, codec, pool, ring);
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
        return (long) slots * writer.elementsPerBufferAcquire();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The buffer pool (tests). */
    SpscBufferPool pool() {
        return pool;
    }

    @Override
    public String toString() {
        return "SpscSerializedChannel[" + name + ", size=" + size() + "/~" + capacity() + "]";
    }
}
