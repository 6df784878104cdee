package io.weir.api.codec;

/**
 * Stands in for the codec of a type that refers to itself ({@code record Tree(List<Tree> children)})
 * while that codec is being derived; bound once the derivation finishes, before the codec that
 * holds it is handed out (so every thread that can see this codec sees it bound).
 */
final class ForwardingCodec<T> implements Codec<T> {
    private final Class<T> type;
    private Codec<T> target;

    ForwardingCodec(Class<T> type) {
        this.type = type;
    }

    void bind(Codec<T> codec) {
        this.target = codec;
    }

    private Codec<T> target() {
        Codec<T> t = target;
        if (t == null) {
            throw new CodecException("codec for " + type.getName() + " used before its derivation finished");
        }
        return t;
    }

    @Override
    public void encode(T value, CodecOutput out) {
        target().encode(value, out);
    }

    @Override
    public T decode(CodecInput in) {
        return target().decode(in);
    }
}
