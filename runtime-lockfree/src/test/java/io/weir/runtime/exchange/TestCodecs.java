package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

/** Small hand-written codecs for channel tests. */
final class TestCodecs {

    private TestCodecs() {
    }

    /** Longs only, 8 bytes each. */
    static final Codec<Object> LONGS = new Codec<>() {
        @Override
        public void encode(Object value, CodecOutput out) {
            out.writeLong((Long) value);
        }

        @Override
        public Object decode(CodecInput in) {
            return in.readLong();
        }

        @Override
        public int fixedSize() {
            return 8;
        }
    };

    /** Longs and Strings: a type byte, then the value; refuses everything else with a CodecException. */
    static final Codec<Object> LONGS_AND_STRINGS = new Codec<>() {
        @Override
        public void encode(Object value, CodecOutput out) {
            switch (value) {
                case Long l -> {
                    out.writeByte(0);
                    out.writeLong(l);
                }
                case String s -> {
                    out.writeByte(1);
                    out.writeString(s);
                }
                case null -> throw new CodecException("null is not supported");
                default -> throw new CodecException("unsupported type " + value.getClass().getName());
            }
        }

        @Override
        public Object decode(CodecInput in) {
            byte type = in.readByte();
            return switch (type) {
                case 0 -> in.readLong();
                case 1 -> in.readString();
                default -> throw new CodecException("unknown type byte " + type);
            };
        }
    };
}
