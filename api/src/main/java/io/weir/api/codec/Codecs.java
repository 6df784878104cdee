package io.weir.api.codec;

import io.weir.api.annotation.Stable;
import java.util.Objects;

/**
 * Small helpers around {@link Codec}: one value to a {@code byte[]} and back (big-endian, through
 * {@link ByteArrayCodecOutput} and {@link ByteArrayCodecInput}), and null-tolerant wrapping. For
 * tests, tools and state that is written rarely; hot paths reuse one output and one input per
 * thread instead of allocating them per value.
 */
@Stable
public final class Codecs {
    private Codecs() {
    }

    /** The bytes of {@code value} encoded with {@code codec}, exactly as long as needed. */
    public static <T> byte[] toBytes(Codec<T> codec, T value) {
        int size = codec.fixedSize();
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(size >= 0 ? size : 64);
        codec.encode(value, out);
        return out.toByteArray();
    }

    /**
     * Decodes one value that takes all of {@code bytes}.
     *
     * @throws CodecException if the bytes are too few for the value, or more than it takes (then the
     *     bytes are not a value of this codec)
     */
    public static <T> T fromBytes(Codec<T> codec, byte[] bytes) {
        ByteArrayCodecInput in = new ByteArrayCodecInput(bytes);
        T value = codec.decode(in);
        if (in.remaining() != 0) {
            throw new CodecException(in.remaining() + " trailing bytes after decoding a value from " + bytes.length
                    + " bytes (read " + in.position() + "): the bytes were not written by this codec");
        }
        return value;
    }

    /**
     * {@code codec} made to accept {@code null}: a presence byte (0 or 1), then the value, if any.
     * The result of wrapping an already wrapped codec is that codec.
     */
    public static <T> Codec<T> nullable(Codec<T> codec) {
        return NullableCodec.of(Objects.requireNonNull(codec, "codec"));
    }
}
