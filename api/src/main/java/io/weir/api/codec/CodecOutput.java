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
 * <h2>Thread safety</h2>
 * Not thread-safe: one output belongs to one thread.
 */
@Stable
public interface CodecOutput {
    void writeByte(int value);

    void writeBoolean(boolean value);

    void writeShort(int value);

    void writeChar(int value);

    void writeInt(int value);

    void writeLong(long value);

    void writeFloat(float value);

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
