package io.weir.api.codec;

import io.weir.api.annotation.Stable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link CodecOutput} that appends to a growable heap {@code byte[]}, multi-byte values in
 * big-endian order. For state backends, tests and {@link Codecs#toBytes}; read the bytes back with
 * {@link ByteArrayCodecInput}.
 *
 * <p>Reuse one instance per thread: {@link #reset()} forgets the content but keeps the array, so
 * that encoding allocates nothing once the array has grown to the largest value. Strings are
 * encoded to UTF-8 directly into the array (no temporary {@code byte[]}).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one output belongs to one thread.
 */
@Stable
public final class ByteArrayCodecOutput implements CodecOutput {
    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    /** The largest array most JVMs can allocate. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    private static final int DEFAULT_CAPACITY = 64;

    private byte[] buffer;
    private int position;

    /** An output with a small initial array that grows as needed. */
    public ByteArrayCodecOutput() {
        this(DEFAULT_CAPACITY);
    }

    /** An output whose array starts with {@code initialCapacity} bytes (at least 0). */
    public ByteArrayCodecOutput(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
        }
        this.buffer = new byte[initialCapacity];
    }

    static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.BIG_ENDIAN);
    }

    /** The number of bytes written since construction or the last {@link #reset()}. */
    public int size() {
        return position;
    }

    /** Forgets the content and keeps the array for the next values. */
    public void reset() {
        position = 0;
    }

    /** A copy of the bytes written, exactly {@link #size()} long. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /**
     * The internal array, without copying: bytes {@code [0, size())} are the content. Valid only
     * until the next write or {@link #reset()}; for callers that copy the bytes elsewhere at once.
     */
    public byte[] array() {
        return buffer;
    }

    private void ensure(int bytes) {
        if (bytes > buffer.length - position) {
            grow(bytes);
        }
    }

    private void grow(int bytes) {
        long needed = (long) position + bytes;
        if (needed > MAX_CAPACITY) {
            throw new CodecException("value too large for a byte array: needs " + needed + " bytes, at most "
                    + MAX_CAPACITY + " are possible");
        }
        long doubled = Math.max(DEFAULT_CAPACITY, (long) buffer.length * 2);
        buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_CAPACITY, Math.max(needed, doubled)));
    }

    @Override
    public void writeByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    @Override
    public void writeShort(int value) {
        ensure(Short.BYTES);
        SHORT.set(buffer, position, (short) value);
        position += Short.BYTES;
    }

    /** The same two bytes as {@link #writeShort}. */
    @Override
    public void writeChar(int value) {
        writeShort(value);
    }

    @Override
    public void writeInt(int value) {
        ensure(Integer.BYTES);
        INT.set(buffer, position, value);
        position += Integer.BYTES;
    }

    @Override
    public void writeLong(long value) {
        ensure(Long.BYTES);
        LONG.set(buffer, position, value);
        position += Long.BYTES;
    }

    /** The IEEE 754 bits as {@link #writeInt} writes them (NaN payloads kept). */
    @Override
    public void writeFloat(float value) {
        writeInt(Float.floatToRawIntBits(value));
    }

    /** The IEEE 754 bits as {@link #writeLong} writes them (NaN payloads kept). */
    @Override
    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensure(length);
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    @Override
    public void writeVarInt(int value) {
        ensure(5);
        byte[] b = buffer;
        int p = position;
        while ((value & ~0x7F) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        position = p;
    }

    /**
     * As {@link CodecOutput#writeString}: the JDK's own UTF-8 encoder (intrinsified, and a plain copy for
     * Latin-1 strings) beats encoding character by character into the buffer, temporary array included
     * ({@code CodecBenchmark}: about 3x for ASCII, 2x for other text).
     */
    @Override
    public void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, position, utf8.length);
        position += utf8.length;
    }
}
