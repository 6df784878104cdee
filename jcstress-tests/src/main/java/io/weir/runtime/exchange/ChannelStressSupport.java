package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.runtime.element.ControlEvent;

/**
 * Helpers shared by the channel jcstress tests.
 *
 * <h2>Thread safety</h2>
 * The codec is stateless; a {@link Digest} belongs to the one thread that polls with it.
 */
final class ChannelStressSupport {

    private ChannelStressSupport() {
    }

    /** Longs, 8 bytes each. */
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

    /**
     * Folds delivered records into one number that depends on their order, values and timestamps:
     * each record (v, t) with v in 1..9 and t = 10 * v appends the digit v when t matches, and the
     * digit 0 when it does not. Records 1, 2, 3 in order give 123.
     */
    static final class Digest implements ElementHandler {
        long digits;
        int count;

        @Override
        public void onRecord(Object value, long timestamp) {
            long v = (Long) value;
            digits = digits * 10 + (timestamp == v * 10 ? v : 0);
            count++;
        }

        @Override
        public boolean onControl(ControlEvent event) {
            digits = digits * 10 + 9;
            count++;
            return true;
        }

        /** Polls until nothing more is available. */
        Digest drain(ChannelReader reader) {
            while (reader.poll(this, 100) > 0) {
                // keep going
            }
            return this;
        }
    }
}
