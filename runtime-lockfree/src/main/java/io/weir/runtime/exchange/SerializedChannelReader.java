package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.runtime.element.ControlEvent;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.weir.runtime.exchange.ElementDescriptor.*;

/**
 * The consumer side of a {@link SpscSerializedChannel}: reads one "buffer filled" message at a time
 * from the Agrona ring buffer, decodes the buffer's elements ({@link ElementDescriptor} layout) and
 * returns the buffer to the pool once its last element is decoded. A buffer may be delivered over
 * several polls (limit, early stop).
 *
 * <h2>Thread safety</h2>
 * Consumer thread only; {@link #delivered()} may be read from any thread.
 */
final class SerializedChannelReader implements ChannelReader {

    private final String name;
    private final Codec<Object> codec;
    private final SpscBufferPool pool;
    private final OneToOneRingBuffer ring;
    private final MessageHandler onBufferMessage = this::onBufferMessage;
    private final SegmentCodecInput in = new SegmentCodecInput();
    private final DeliveryCounter delivered = new DeliveryCounter();
    /** The buffer being delivered, or null; its end is {@link #end}. */
    private SegmentBuffer current;
    private int end;
    private int messageIndex;
    private int messageLength;

    SerializedChannelReader(String name, Codec<Object> codec, SpscBufferPool pool, OneToOneRingBuffer ring) {
        this.name = name;
        this.codec = codec;
        this.pool = pool;
        this.ring = ring;
    }

    @Override
    public int poll(ElementHandler handler, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("poll limit must be > 0, but is " + limit);
        }
        pool.checkOpen(name);
        int total = 0;
        try {
            while (total < limit) {
                if (current == null && !nextBuffer()) {
                    break;
                }
                MemorySegment segment = current.segment;
                int e = in.position();
                byte tag = segment.get(ValueLayout.JAVA_BYTE, tagOffset(e));
                total++;
                if (tag == TAG_RECORD) {
                    long timestamp = segment.get(ValueLayout.JAVA_LONG_UNALIGNED, recordTimestampOffset(e));
                    Object value;
                    try {
                        value = decodeRecord(segment, e);
                    } finally {
                        releaseIfDone();
                    }
                    handler.onRecord(value, timestamp);
                } else {
                    ControlEvent event = ControlElements.read(segment, e, tag);
                    in.position(e + controlLength(tag));
                    releaseIfDone();
                    if (!handler.onControl(event)) {
                        break;
                    }
                }
            }
        } finally {
            delivered.addRelease(total);
        }
        return total;
    }

    /** Elements delivered so far. */
    DeliveryCounter delivered() {
        return delivered;
    }

    private boolean nextBuffer() {
        if (ring.read(onBufferMessage, 1) == 0) {
            return false;
        }
        current = pool.bufferAcquire(messageIndex);
        end = messageLength;
        in.wrap(current.segment, 0, end);
        return true;
    }

    private void onBufferMessage(int msgTypeId, MutableDirectBuffer buffer, int index, int length) {
        messageIndex = buffer.getInt(messageBufferIndexOffset(index));
        messageLength = buffer.getInt(messageBufferLengthOffset(index));
    }

    /** Decodes the record at {@code e}; the input ends up after the record even when the codec fails. */
    private Object decodeRecord(MemorySegment segment, int e) {
        int bodyLength = segment.get(ValueLayout.JAVA_INT_UNALIGNED, recordBodyLengthOffset(e));
        int body = recordBodyOffset(e);
        int bodyEnd = body + bodyLength;
        in.position(body);
        in.limit(bodyEnd);
        Object value;
        int read;
        try {
            value = codec.decode(in);
            read = in.position() - body;
        } catch (CodecException failure) {
            throw new CodecException("channel " + name + ": codec " + codec.getClass().getName()
                    + " failed to decode a record of " + bodyLength + " bytes: " + failure.getMessage(), failure);
        } finally {
            in.limit(end);
            in.position(bodyEnd);
        }
        if (read != bodyLength) {
            throw new CodecException("channel " + name + ": codec " + codec.getClass().getName() + " read "
                    + read + " bytes of a record of " + bodyLength + " bytes");
        }
        return value;
    }

    private void releaseIfDone() {
        if (in.position() == end) {
            pool.release(current);
            current = null;
        }
    }
}
