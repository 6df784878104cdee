package io.weir.api.codec;

import io.weir.api.annotation.Stable;

/**
 * The sink a {@link Codec} writes to. Multi-byte values are written in the platform's native byte
 * order by the runtime's off-heap implementation and in big-endian order by heap implementations;
 * a codec never depends on which, because it reads them back with the matching {@link CodecInput}.
 *
 * <p>An implementation backed by a fixed-size buffer may abandon an {@code encode} call that does
 * not fit by throwing an exception of its own choosing; the runtime then retries the whole value in
 * a larger or fresh buffer, so a codec must not have side effects outside the output.
 *
 * <p>Implementations may override the default methods with faster equivalents that write the same
 * bytes (as {@link ByteArrayCodecOutput} does for var-ints and strings).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one output belongs to one thread.
 */
@Stable
public interface CodecOutput {
    /** Writes the low 8 bits of {@code value}. */
    void writeByte(int value);

    /** Writes one byte: 1 for true, 0 for false. */
    void writeBoolean(boolean value);

    /** Writes the low 16 bits of {@code value} (2 bytes). */
    void writeShort(int value);

    /** Writes the low 16 bits of {@code value} as a {@code char} (2 bytes). */
    void writeChar(int value);

    /** Writes 4 bytes. */
    void writeInt(int value);

    /** Writes 8 bytes. */
    void writeLong(long value);

    /** Writes the 4 bytes of the IEEE 754 form of {@code value}. */
    void writeFloat(float value);

    /** Writes the 8 bytes of the IEEE 754 form of {@code value}. */
    void writeDouble(double value);

    /** Writes {@code length} bytes of {@code bytes} from {@code offset}, without a length prefix. */
    void writeBytes(byte[] bytes, int offset, int length);

    /**
     * Writes a variable-length unsigned int (7 bits a byte, low bits first); small values take one
     * byte. Negative values take five bytes.
     */
    default void writeVarInt(int value) {
        while ((value & ~0x7F) != 0) {
            writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        writeByte(value);
    }

    /** Writes a string: its UTF-8 length as a var-int, then its UTF-8 bytes. */
    default void writeString(String value) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        writeBytes(utf8, 0, utf8.length);
    }
}
