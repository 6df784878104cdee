package io.weir.runtime.exchange;

import io.weir.api.codec.CodecOutput;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@link CodecOutput} that writes into a fixed-size {@link MemorySegment}, in native byte order
 * and without alignment. A write that does not fit throws {@link #FULL}, a preallocated exception
 * without a stack trace, and leaves the position where it was: the channel then rolls back the
 * partial element and retries it in a fresh buffer.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one instance belongs to the producer thread of one channel.
 */
final class SegmentCodecOutput implements CodecOutput {

    /** Signals "this buffer is full"; see {@link #isBufferFull(Throwable)}. */
    static final RuntimeException FULL = new BufferFullException();

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfChar CHAR = ValueLayout.JAVA_CHAR_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private MemorySegment segment = MemorySegment.NULL;
    private int position;
    private int limit;

    /** Starts writing at offset 0 of {@code target}, up to its size. */
    void wrap(MemorySegment target) {
        segment = target;
        position = 0;
        limit = Math.toIntExact(target.byteSize());
    }

    int position() {
        return position;
    }

    /** Moves the write position, for example back to the start of an abandoned element. */
    void position(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw new IndexOutOfBoundsException("position " + newPosition + " outside [0, " + limit + "]");
        }
        position = newPosition;
    }

    int remaining() {
        return limit - position;
    }

    MemorySegment segment() {
        return segment;
    }

    /** {@code true} when {@code failure} is, or wraps, the {@link #FULL} signal (a codec may wrap it). */
    static boolean isBufferFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t == FULL) {
                return true;
            }
        }
        return false;
    }

    private int claim(int bytes) {
        int p = position;
        if (bytes > limit - p) {
            throw FULL;
        }
        position = p + bytes;
        return p;
    }

    @Override
    public void writeByte(int value) {
        segment.set(ValueLayout.JAVA_BYTE, claim(1), (byte) value);
    }

    @Override
    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    @Override
    public void writeShort(int value) {
        segment.set(SHORT, claim(2), (short) value);
    }

    @Override
    public void writeChar(int value) {
        segment.set(CHAR, claim(2), (char) value);
    }

    @Override
    public void writeInt(int value) {
        segment.set(INT, claim(4), value);
    }

    @Override
    public void writeLong(long value) {
        segment.set(LONG, claim(8), value);
    }

    @Override
    public void writeFloat(float value) {
        segment.set(FLOAT, claim(4), value);
    }

    @Override
    public void writeDouble(double value) {
        segment.set(DOUBLE, claim(8), value);
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        MemorySegment.copy(bytes, offset, segment, ValueLayout.JAVA_BYTE, claim(length), length);
    }

    private static final class BufferFullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BufferFullException() {
            super("exchange buffer full", null, false, false);
        }
    }
}
