package io.weir.runtime.exchange;

import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@link CodecInput} that reads from a {@link MemorySegment} between a position and a limit, in
 * native byte order and without alignment: the mirror of {@link SegmentCodecOutput}. Reading past
 * the limit throws {@link CodecException} naming how many bytes were missing.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one instance belongs to the consumer thread of one channel.
 */
final class SegmentCodecInput implements CodecInput {

    private MemorySegment segment = MemorySegment.NULL;
    private int position;
    private int limit;

    /** Reads {@code source} from {@code from} up to (excluding) {@code to}. */
    void wrap(MemorySegment source, int from, int to) {
        if (from < 0 || from > to || to > source.byteSize()) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside a segment of "
                    + source.byteSize() + " bytes");
        }
        segment = source;
        position = from;
        limit = to;
    }

    int position() {
        return position;
    }

    int limit() {
        return limit;
    }

    /** Narrows or widens the readable range of the current segment. */
    void limit(int newLimit) {
        if (newLimit < position || newLimit > segment.byteSize()) {
            throw new IndexOutOfBoundsException("limit " + newLimit + " outside [" + position + ", "
                    + segment.byteSize() + "]");
        }
        limit = newLimit;
    }

    void position(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw new IndexOutOfBoundsException("position " + newPosition + " outside [0, " + limit + "]");
        }
        position = newPosition;
    }

    private int take(int bytes) {
        int p = position;
        if (bytes > limit - p) {
            throw new CodecException("input ends too early: " + bytes + " bytes wanted at offset " + p
                    + ", " + (limit - p) + " left, " + (bytes - (limit - p)) + " missing");
        }
        position = p + bytes;
        return p;
    }

    @Override
    public byte readByte() {
        return segment.get(ValueLayout.JAVA_BYTE, take(1));
    }

    @Override
    public boolean readBoolean() {
        return readByte() != 0;
    }

    @Override
    public short readShort() {
        return segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, take(2));
    }

    @Override
    public char readChar() {
        return segment.get(ValueLayout.JAVA_CHAR_UNALIGNED, take(2));
    }

    @Override
    public int readInt() {
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, take(4));
    }

    @Override
    public long readLong() {
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, take(8));
    }

    @Override
    public float readFloat() {
        return segment.get(ValueLayout.JAVA_FLOAT_UNALIGNED, take(4));
    }

    @Override
    public double readDouble() {
        return segment.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, take(8));
    }

    @Override
    public void readBytes(byte[] target, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, take(length), target, offset, length);
    }
}
