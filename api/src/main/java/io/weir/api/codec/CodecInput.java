package io.weir.api.codec;

import io.weir.api.annotation.Stable;

/**
 * The source a {@link Codec} reads from; the mirror image of {@link CodecOutput}. Reading past the
 * end of the available bytes throws {@link CodecException} naming how many bytes were missing.
 * Implementations may override the default methods with faster equivalents that read the same bytes.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one input belongs to one thread.
 */
@Stable
public interface CodecInput {
    /** Reads one byte. */
    byte readByte();

    /**
     * Reads one byte written by {@link CodecOutput#writeBoolean}; a strict implementation rejects
     * bytes other than 0 and 1.
     */
    boolean readBoolean();

    /** Reads 2 bytes. */
    short readShort();

    /** Reads 2 bytes. */
    char readChar();

    /** Reads 4 bytes. */
    int readInt();

    /** Reads 8 bytes. */
    long readLong();

    /** Reads 4 bytes, as written by {@link CodecOutput#writeFloat}. */
    float readFloat();

    /** Reads 8 bytes, as written by {@link CodecOutput#writeDouble}. */
    double readDouble();

    /** Reads exactly {@code length} bytes into {@code target} from {@code offset}. */
    void readBytes(byte[] target, int offset, int length);

    /** Reads a var-int written by {@link CodecOutput#writeVarInt}. */
    default int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CodecException("malformed var-int: more than 5 bytes");
    }

    /** Reads a string written by {@link CodecOutput#writeString}. */
    default String readString() {
        int length = readVarInt();
        if (length < 0) {
            throw new CodecException("malformed string: negative length " + length);
        }
        byte[] utf8 = new byte[length];
        readBytes(utf8, 0, length);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }
}
