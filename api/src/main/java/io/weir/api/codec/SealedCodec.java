package io.weir.api.codec;

/**
 * A codec for a sealed interface or class whose leaves (the permitted subclasses, flattened through
 * nested sealed types) all have codecs: writes the leaf's index as a var-int, then the value with
 * that leaf's codec. Leaves are indexed in the order of the {@code permits} clauses, so reordering
 * them breaks data written before.
 */
final class SealedCodec<T> implements Codec<T> {
    private final Class<T> type;
    private final Class<?>[] leaves;
    private final Codec<Object>[] codecs;

    /** {@code codecs[i]} encodes instances of {@code leaves[i]}; both arrays are owned by this codec. */
    SealedCodec(Class<T> type, Class<?>[] leaves, Codec<Object>[] codecs) {
        this.type = type;
        this.leaves = leaves;
        this.codecs = codecs;
    }

    @Override
    public void encode(T value, CodecOutput out) {
        Class<?> c = value.getClass();
        if (value instanceof Enum<?> e) {
            c = e.getDeclaringClass(); // a constant with a body is an anonymous subclass
        }
        for (int i = 0; i < leaves.length; i++) {
            if (leaves[i] == c) {
                out.writeVarInt(i);
                codecs[i].encode(value, out);
                return;
            }
        }
        throw new CodecException(c.getName() + " is not a permitted subclass of sealed " + type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(CodecInput in) {
        int index = in.readVarInt();
        if (index < 0 || index >= leaves.length) {
            throw new CodecException("bad subclass index " + index + " for sealed " + type.getName() + ", which has "
                    + leaves.length + " leaf classes: the data was written with another version of it, or is corrupt");
        }
        return (T) codecs[index].decode(in);
    }
}
