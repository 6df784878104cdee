package io.weir.connectors.chronicle;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * Writes and reads the payload of one record in a {@link RecordFormat}, reusing its buffers: one instance per
 * reader or writer.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the reader's or writer's thread.
 *
 * @param <T> record type
 */
final class Payloads<T> {
    private final RecordFormat<T> format;
    private final ByteArrayCodecOutput out = new ByteArrayCodecOutput(256);
    private final ByteArrayCodecInput in = new ByteArrayCodecInput();
    private byte[] buffer = new byte[256];

    Payloads(RecordFormat<T> format) {
        this.format = format;
    }

    /** Appends the payload of {@code value} to {@code bytes}. */
    @SuppressWarnings("unchecked")
    void write(T value, Bytes<?> bytes) {
        switch (format) {
            case RecordFormat.Utf8 u -> bytes.write(((String) value).getBytes(StandardCharsets.UTF_8));
            case RecordFormat.RawBytes r -> bytes.write((byte[]) value);
            case RecordFormat.WithCodec<?> c -> {
                out.reset();
                ((Codec<T>) c.codec()).encode(value, out);
                bytes.write(out.array(), 0, out.size());
            }
        }
    }

    /**
     * Reads the payload that fills the rest of {@code bytes}.
     *
     * @param where the queue and index, for the error message
     * @throws CodecException naming {@code where} when the bytes are not a value of the format
     */
    @SuppressWarnings("unchecked")
    T read(Bytes<?> bytes, String where) {
        int length = (int) bytes.readRemaining();
        return switch (format) {
            case RecordFormat.Utf8 u -> {
                byte[] b = fill(bytes, length);
                yield (T) new String(b, 0, length, StandardCharsets.UTF_8);
            }
            case RecordFormat.RawBytes r -> {
                byte[] b = new byte[length];
                bytes.read(b, 0, length);
                yield (T) b;
            }
            case RecordFormat.WithCodec<?> c -> {
                byte[] b = fill(bytes, length);
                in.reset(b, 0, length);
                T value;
                try {
                    value = ((Codec<T>) c.codec()).decode(in);
                } catch (RuntimeException e) {
                    throw new CodecException("cannot decode the record at " + where + " as " + format + ": " + e, e);
                }
                if (in.remaining() != 0) {
                    throw new CodecException("the record at " + where + " is not a value of " + format + ": "
                            + in.remaining() + " of its " + length + " bytes are left over after decoding");
                }
                yield value;
            }
        };
    }

    private byte[] fill(Bytes<?> bytes, int length) {
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        bytes.read(buffer, 0, length);
        return buffer;
    }
}
