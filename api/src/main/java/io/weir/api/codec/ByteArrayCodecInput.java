package io.weir.api.codec;

import io.weir.api.annotation.Stable;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link CodecInput} over a slice of a heap {@code byte[]}, reading what
 * {@link ByteArrayCodecOutput} wrote (multi-byte values big-endian). Reading past the end of the
 * slice throws {@link CodecException} naming how many bytes were missing and at which position
 * (counted from the start of the slice); the position is then unchanged.
 *
 * <p>Reuse one instance per thread with {@link #reset(byte[], int, int)}: reading allocates
 * nothing beyond the decoded values (a string costs one {@code String}, no temporary array).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one input belongs to one thread. The array is not copied: it must not change
 * while it is read.
 */
@Stable
public final class ByteArrayCodecInput implements CodecInput {
    private static final VarHandle SHORT = ByteArrayCodecOutput.view(short[].class);
    private static final VarHandle CHAR = ByteArrayCodecOutput.view(char[].class);
    private static final VarHandle INT = ByteArrayCodecOutput.view(int[].class);
    private static final VarHandle LONG = ByteArrayCodecOutput.view(long[].class);
    private static final VarHandle FLOAT = ByteArrayCodecOutput.view(float[].class);
    private static final VarHandle DOUBLE = ByteArrayCodecOutput.view(double[].class);
    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes;
    private int start;
    private int position;
    private int limit;

    /** An input with nothing to read; give it bytes with {@link #reset(byte[], int, int)}. */
    public ByteArrayCodecInput() {
        this(EMPTY, 0, 0);
    }

    /** An input over all of {@code bytes}. */
    public ByteArrayCodecInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** An input over {@code length} bytes of {@code bytes} from {@code offset}. */
    public ByteArrayCodecInput(byte[] bytes, int offset, int length) {
        reset(bytes, offset, length);
    }

    /** Starts reading {@code length} bytes of {@code bytes} from {@code offset}; returns this input. */
    public ByteArrayCodecInput reset(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.bytes = bytes;
        this.start = offset;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    /** The number of bytes read so far, from the start of the slice. */
    public int position() {
        return position - start;
    }

    /** The number of bytes left to read. */
    public int remaining() {
        return limit - position;
    }

    /**
     * Checks that at least {@code count} bytes remain, without reading them.
     *
     * @throws CodecException naming the missing bytes and the position when fewer remain
     */
    public void require(long count) {
        if (count > limit - position) {
            throw truncated(count);
        }
    }

    private CodecException truncated(long needed) {
        int available = limit - position;
        return new CodecException("input truncated: needed " + needed + " bytes at position " + (position - start)
                + " but only " + available + " remain (" + (needed - available) + " bytes missing, input is "
                + (limit - start) + " bytes)");
    }

    private int advance(int count) {
        int p = position;
        if (count > limit - p) {
            throw truncated(count);
        }
        position = p + count;
        return p;
    }

    @Override
    public byte readByte() {
        return bytes[advance(1)];
    }

    @Override
    public boolean readBoolean() {
        int p = position;
        byte b = bytes[advance(1)];
        if (b != 0 && b != 1) {
            position = p;
            throw new CodecException("malformed boolean at position " + (p - start) + ": byte " + b
                    + " (expected 0 or 1)");
        }
        return b == 1;
    }

    @Override
    public short readShort() {
        return (short) SHORT.get(bytes, advance(Short.BYTES));
    }

    @Override
    public char readChar() {
        return (char) CHAR.get(bytes, advance(Character.BYTES));
    }

    @Override
    public int readInt() {
        return (int) INT.get(bytes, advance(Integer.BYTES));
    }

    @Override
    public long readLong() {
        return (long) LONG.get(bytes, advance(Long.BYTES));
    }

    @Override
    public float readFloat() {
        return (float) FLOAT.get(bytes, advance(Float.BYTES));
    }

    @Override
    public double readDouble() {
        return (double) DOUBLE.get(bytes, advance(Double.BYTES));
    }

    @Override
    public void readBytes(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        System.arraycopy(bytes, advance(length), target, offset, length);
    }

    @Override
    public int readVarInt() {
        int p = position;
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p >= limit) {
                throw new CodecException("input truncated: var-int at position " + (position - start)
                        + " is cut off after " + (p - position) + " bytes (at least 1 byte missing, input is "
                        + (limit - start) + " bytes)");
            }
            int b = bytes[p++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                position = p;
                return value;
            }
        }
        throw new CodecException("malformed var-int at position " + (position - start) + ": more than 5 bytes");
    }

    /** Same result as {@link CodecInput#readString}, decoded straight from the array. */
    @Override
    public String readString() {
        int p = position;
        int length = readVarInt();
        if (length < 0) {
            position = p;
            throw new CodecException("malformed string at position " + (p - start) + ": negative length " + length);
        }
        int from;
        try {
            from = advance(length);
        } catch (CodecException e) {
            position = p;
            throw e;
        }
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
}
