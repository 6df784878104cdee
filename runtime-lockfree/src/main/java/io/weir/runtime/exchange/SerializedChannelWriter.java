package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecOutput;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.element.ControlEvent;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static io.weir.runtime.exchange.ElementDescriptor.*;

/**
 * The producer side of a {@link SpscSerializedChannel}: encodes elements into the current pooled
 * buffer ({@link ElementDescriptor} layout) and publishes a buffer by writing its index and length to
 * the Agrona ring buffer when the next element does not fit, on a control event, or on {@link #flush()}.
 * A record that does not fit in the rest of a buffer is rolled back and written again into a fresh
 * one; a record larger than a whole buffer is a {@link CodecException}.
 *
 * <h2>Thread safety</h2>
 * Producer thread only, except {@link #elementsPerBufferAcquire()} (any thread; written with
 * {@code setRelease}).
 */
final class SerializedChannelWriter extends PendingBatchWriter<SegmentBuffer> {

    private static final VarHandle ELEMENTS_PER_BUFFER;

    static {
        try {
            ELEMENTS_PER_BUFFER = MethodHandles.lookup()
                    .findVarHandle(SerializedChannelWriter.class, "elementsPerBuffer", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Codec<Object> codec;
    private final SpscBufferPool pool;
    private final OneToOneRingBuffer ring;
    private final AtomicBuffer ringBuffer;
    private final SegmentCodecOutput out = new SegmentCodecOutput();
    private SegmentBuffer current;
    private int elements;
    /** Elements in the last buffer published because it was full: the capacity estimate. */
    @SuppressWarnings("unused") // accessed through ELEMENTS_PER_BUFFER
    private int elementsPerBuffer;

    SerializedChannelWriter(String name, Codec<Object> codec, SpscBufferPool pool, OneToOneRingBuffer ring) {
        this.name = name;
        this.codec = codec;
        this.pool = pool;
        this.ring = ring;
        this.ringBuffer = ring.buffer();
        int guess = codec.fixedSize() >= 0 ? RECORD_HEADER_LENGTH + codec.fixedSize() : 64;
        ELEMENTS_PER_BUFFER.setRelease(this, Math.max(1, pool.bufferSize() / guess));
        startBuffer();
    }

    @Override
    public void writeRecord(Object value, long timestamp) {
        if (!tryWriteRecord(value, timestamp)) {
            if (out.position() == 0) {
                throw oversized(value);
            }
            publishCurrent(true);
            if (!tryWriteRecord(value, timestamp)) {
                throw oversized(value);
            }
        }
        elements++;
    }

    @Override
    public void writeControl(ControlEvent event) {
        int length = ControlElements.length(event);
        if (out.remaining() < length) {
            publishCurrent(true); // a buffer holds at least MAX_CONTROL_LENGTH bytes, so this one is not empty
        }
        int e = out.position();
        ControlElements.write(out.segment(), e, event);
        out.position(e + length);
        elements++;
        publishCurrent(false);
    }

    @Override
    public boolean flush() {
        pool.checkOpen(name);
        if (!drainPending()) {
            return false;
        }
        if (elements == 0) {
            return true;
        }
        seal(current);
        if (!offer(current)) {
            return false; // keep filling the same buffer while the consumer is behind
        }
        addPublishedRelease(elements);
        startBuffer();
        return true;
    }

    @Override
    boolean offer(SegmentBuffer buffer) {
        int index = ring.tryClaim(MSG_TYPE_BUFFER, MESSAGE_LENGTH);
        if (index < 0) {
            return false; // INSUFFICIENT_CAPACITY: the consumer is behind
        }
        ringBuffer.putInt(messageBufferIndexOffset(index), buffer.index);
        ringBuffer.putInt(messageBufferLengthOffset(index), buffer.length);
        ring.commit(index); // release: the buffer's bytes are visible to the consumer that reads this message
        return true;
    }

    @Override
    int elementCount(SegmentBuffer buffer) {
        return buffer.elements;
    }

    /** Any thread: estimated elements per buffer, for {@link Channel#capacity()}. */
    int elementsPerBufferAcquire() {
        return (int) ELEMENTS_PER_BUFFER.getAcquire(this);
    }

    private boolean tryWriteRecord(Object value, long timestamp) {
        int e = out.position();
        if (out.remaining() < RECORD_HEADER_LENGTH) {
            return false;
        }
        out.position(recordBodyOffset(e));
        try {
            codec.encode(value, out);
        } catch (RuntimeException failure) {
            out.position(e);
            if (SegmentCodecOutput.isBufferFull(failure)) {
                return false;
            }
            throw failure;
        }
        int end = out.position();
        MemorySegment segment = out.segment();
        segment.set(ValueLayout.JAVA_BYTE, tagOffset(e), TAG_RECORD);
        segment.set(ValueLayout.JAVA_LONG_UNALIGNED, recordTimestampOffset(e), timestamp);
        segment.set(ValueLayout.JAVA_INT_UNALIGNED, recordBodyLengthOffset(e), end - recordBodyOffset(e));
        return true;
    }

    private void publishCurrent(boolean full) {
        if (full) {
            ELEMENTS_PER_BUFFER.setRelease(this, Math.max(1, elements));
        }
        seal(current);
        publish(current);
        startBuffer();
    }

    private void seal(SegmentBuffer buffer) {
        buffer.length = out.position();
        buffer.elements = elements;
    }

    private void startBuffer() {
        current = pool.acquire();
        out.wrap(current.segment);
        elements = 0;
    }

    private CodecException oversized(Object value) {
        ByteCounter counter = new ByteCounter();
        String size;
        try {
            codec.encode(value, counter);
            size = counter.bytes + " bytes";
        } catch (RuntimeException e) {
            size = "more than " + counter.bytes + " bytes";
        }
        String type = value == null ? "null" : value.getClass().getName();
        return new CodecException("channel " + name + ": a record of type " + type
                + " encodes to " + size + " (+" + RECORD_HEADER_LENGTH + " bytes of header), more than one exchange "
                + "buffer of " + pool.bufferSize() + " bytes holds; raise '" + ExecutionOptions.BUFFER_SIZE.key() + "'");
    }

    /** Counts what a codec writes, to name the size of a record that does not fit. */
    private static final class ByteCounter implements CodecOutput {
        long bytes;

        @Override public void writeByte(int value) { bytes += 1; }
        @Override public void writeBoolean(boolean value) { bytes += 1; }
        @Override public void writeShort(int value) { bytes += 2; }
        @Override public void writeChar(int value) { bytes += 2; }
        @Override public void writeInt(int value) { bytes += 4; }
        @Override public void writeLong(long value) { bytes += 8; }
        @Override public void writeFloat(float value) { bytes += 4; }
        @Override public void writeDouble(double value) { bytes += 8; }
        @Override public void writeBytes(byte[] b, int offset, int length) { bytes += length; }
    }
}
