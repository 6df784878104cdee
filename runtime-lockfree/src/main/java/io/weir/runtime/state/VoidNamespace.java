package io.weir.runtime.state;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

/**
 * The namespace of plain keyed state and of timers that need none: the single value
 * {@link #INSTANCE}, encoded as zero bytes by {@link #CODEC}.
 */
public enum VoidNamespace {
    INSTANCE;

    /** Encodes {@link #INSTANCE} as nothing. */
    public static final Codec<VoidNamespace> CODEC = new Codec<>() {
        @Override
        public void encode(VoidNamespace value, CodecOutput out) {
        }

        @Override
        public VoidNamespace decode(CodecInput in) {
            return INSTANCE;
        }

        @Override
        public int fixedSize() {
            return 0;
        }

        @Override
        public String toString() {
            return "VoidNamespace.CODEC";
        }
    };

    /** {@link #CODEC}. */
    public static Codec<VoidNamespace> codec() {
        return CODEC;
    }
}
