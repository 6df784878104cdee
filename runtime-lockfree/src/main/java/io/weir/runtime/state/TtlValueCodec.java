package io.weir.runtime.state;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

/** Encodes a {@link TtlValue}: the timestamp as 8 bytes, then the value with the user's codec. */
record TtlValueCodec<T>(Codec<T> valueCodec) implements Codec<TtlValue<T>> {

    @Override
    public void encode(TtlValue<T> value, CodecOutput out) {
        out.writeLong(value.lastAccess());
        valueCodec.encode(value.value(), out);
    }

    @Override
    public TtlValue<T> decode(CodecInput in) {
        long lastAccess = in.readLong();
        return new TtlValue<>(valueCodec.decode(in), lastAccess);
    }

    @Override
    public int fixedSize() {
        int size = valueCodec.fixedSize();
        return size < 0 ? -1 : Long.BYTES + size;
    }
}
