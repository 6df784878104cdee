package io.weir.api.codec;

/**
 * Writes an enum constant as its ordinal (a var-int: one byte for enums of up to 128 constants).
 * Decoding an ordinal the enum does not have is a {@link CodecException}: the bytes were written
 * with another version of the enum, or are corrupt. Reordering constants changes their ordinals,
 * so it breaks data written before (checkpoints included).
 */
final class EnumCodec<E extends Enum<E>> implements Codec<E> {
    private final Class<E> type;
    private final E[] constants;

    EnumCodec(Class<E> type) {
        this.type = type;
        this.constants = type.getEnumConstants();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Codec<?> forClass(Class<?> enumType) {
        return new EnumCodec(enumType);
    }

    @Override
    public void encode(E value, CodecOutput out) {
        out.writeVarInt(value.ordinal());
    }

    @Override
    public E decode(CodecInput in) {
        int ordinal = in.readVarInt();
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new CodecException("bad ordinal " + ordinal + " for enum " + type.getName() + ", which has "
                    + constants.length + " constants (0.." + (constants.length - 1)
                    + "): the data was written with another version of the enum, or is corrupt");
        }
        return constants[ordinal];
    }

    @Override
    public int fixedSize() {
        return constants.length <= 128 ? 1 : -1;
    }
}
