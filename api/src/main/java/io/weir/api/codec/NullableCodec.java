package io.weir.api.codec;

/**
 * Lets a codec accept {@code null}: writes a presence byte (0 = null, 1 = a value), then the value
 * with the wrapped codec. Used for every reference-typed record component and collection element.
 */
final class NullableCodec<T> implements Codec<T> {
    private final Codec<T> codec;

    private NullableCodec(Codec<T> codec) {
        this.codec = codec;
    }

    /** {@code codec} made to accept null; a codec that already does is returned as it is. */
    static <T> Codec<T> of(Codec<T> codec) {
        return codec instanceof NullableCodec<T> ? codec : new NullableCodec<>(codec);
    }

    @Override
    public void encode(T value, CodecOutput out) {
        if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            codec.encode(value, out);
        }
    }

    @Override
    public T decode(CodecInput in) {
        return in.readBoolean() ? codec.decode(in) : null;
    }
}
