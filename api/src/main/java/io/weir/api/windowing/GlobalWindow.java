package io.weir.api.windowing;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

/**
 * The single window that holds every record of a key ({@code GlobalWindows}). Its
 * {@link #maxTimestamp()} is {@code Long.MAX_VALUE}, so it is never cleaned up by time: a custom trigger
 * decides when it fires and purges.
 */
@Evolving
public final class GlobalWindow extends Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();
    private static final Codec<GlobalWindow> CODEC = new WindowCodec();

    private GlobalWindow() {
    }

    /** The global window. */
    public static GlobalWindow get() {
        return INSTANCE;
    }

    /** The codec of the global window: one zero byte, as Flink's serializer writes. */
    public static Codec<GlobalWindow> codec() {
        return CODEC;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    private static final class WindowCodec implements Codec<GlobalWindow> {
        @Override
        public void encode(GlobalWindow value, CodecOutput out) {
            out.writeByte(0);
        }

        @Override
        public GlobalWindow decode(CodecInput in) {
            in.readByte();
            return INSTANCE;
        }

        @Override
        public int fixedSize() {
            return 1;
        }
    }
}
