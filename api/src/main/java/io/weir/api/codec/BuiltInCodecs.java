package io.weir.api.codec;

import java.time.Instant;
import java.util.Map;

/**
 * The codecs of the types every registry knows: primitives and their boxes, {@code String} and
 * {@code Instant} (primitive arrays are in {@link ArrayCodecs}). Each is a stateless singleton that
 * refuses {@code null} ({@code encode(null, out)} throws {@link NullPointerException}).
 *
 * <p>Formats: {@code boolean} one byte 0/1; {@code byte} one byte; {@code short}, {@code char} two
 * bytes; {@code int}, {@code float} four; {@code long}, {@code double} eight; {@code String} its
 * UTF-8 length as a var-int then the UTF-8 bytes; {@code Instant} the epoch second (8 bytes) then
 * the nanosecond (4 bytes).
 */
final class BuiltInCodecs {
    private BuiltInCodecs() {
    }

    /** Every built-in codec by the class it handles, primitive classes included. */
    static Map<Class<?>, Codec<?>> byType() {
        return Map.ofEntries(
                Map.entry(boolean.class, BooleanCodec.INSTANCE), Map.entry(Boolean.class, BooleanCodec.INSTANCE),
                Map.entry(byte.class, ByteCodec.INSTANCE), Map.entry(Byte.class, ByteCodec.INSTANCE),
                Map.entry(short.class, ShortCodec.INSTANCE), Map.entry(Short.class, ShortCodec.INSTANCE),
                Map.entry(char.class, CharCodec.INSTANCE), Map.entry(Character.class, CharCodec.INSTANCE),
                Map.entry(int.class, IntCodec.INSTANCE), Map.entry(Integer.class, IntCodec.INSTANCE),
                Map.entry(long.class, LongCodec.INSTANCE), Map.entry(Long.class, LongCodec.INSTANCE),
                Map.entry(float.class, FloatCodec.INSTANCE), Map.entry(Float.class, FloatCodec.INSTANCE),
                Map.entry(double.class, DoubleCodec.INSTANCE), Map.entry(Double.class, DoubleCodec.INSTANCE),
                Map.entry(String.class, StringCodec.INSTANCE),
                Map.entry(Instant.class, InstantCodec.INSTANCE),
                Map.entry(byte[].class, ArrayCodecs.ByteArrayCodec.INSTANCE),
                Map.entry(short[].class, ArrayCodecs.ShortArrayCodec.INSTANCE),
                Map.entry(char[].class, ArrayCodecs.CharArrayCodec.INSTANCE),
                Map.entry(int[].class, ArrayCodecs.IntArrayCodec.INSTANCE),
                Map.entry(long[].class, ArrayCodecs.LongArrayCodec.INSTANCE),
                Map.entry(float[].class, ArrayCodecs.FloatArrayCodec.INSTANCE),
                Map.entry(double[].class, ArrayCodecs.DoubleArrayCodec.INSTANCE),
                Map.entry(boolean[].class, ArrayCodecs.BooleanArrayCodec.INSTANCE));
    }

    static final class BooleanCodec implements Codec<Boolean> {
        static final BooleanCodec INSTANCE = new BooleanCodec();

        @Override
        public void encode(Boolean value, CodecOutput out) {
            out.writeBoolean(value);
        }

        @Override
        public Boolean decode(CodecInput in) {
            return in.readBoolean();
        }

        @Override
        public int fixedSize() {
            return 1;
        }
    }

    static final class ByteCodec implements Codec<Byte> {
        static final ByteCodec INSTANCE = new ByteCodec();

        @Override
        public void encode(Byte value, CodecOutput out) {
            out.writeByte(value);
        }

        @Override
        public Byte decode(CodecInput in) {
            return in.readByte();
        }

        @Override
        public int fixedSize() {
            return Byte.BYTES;
        }
    }

    static final class ShortCodec implements Codec<Short> {
        static final ShortCodec INSTANCE = new ShortCodec();

        @Override
        public void encode(Short value, CodecOutput out) {
            out.writeShort(value);
        }

        @Override
        public Short decode(CodecInput in) {
            return in.readShort();
        }

        @Override
        public int fixedSize() {
            return Short.BYTES;
        }
    }

    static final class CharCodec implements Codec<Character> {
        static final CharCodec INSTANCE = new CharCodec();

        @Override
        public void encode(Character value, CodecOutput out) {
            out.writeChar(value);
        }

        @Override
        public Character decode(CodecInput in) {
            return in.readChar();
        }

        @Override
        public int fixedSize() {
            return Character.BYTES;
        }
    }

    static final class IntCodec implements Codec<Integer> {
        static final IntCodec INSTANCE = new IntCodec();

        @Override
        public void encode(Integer value, CodecOutput out) {
            out.writeInt(value);
        }

        @Override
        public Integer decode(CodecInput in) {
            return in.readInt();
        }

        @Override
        public int fixedSize() {
            return Integer.BYTES;
        }
    }

    static final class LongCodec implements Codec<Long> {
        static final LongCodec INSTANCE = new LongCodec();

        @Override
        public void encode(Long value, CodecOutput out) {
            out.writeLong(value);
        }

        @Override
        public Long decode(CodecInput in) {
            return in.readLong();
        }

        @Override
        public int fixedSize() {
            return Long.BYTES;
        }
    }

    static final class FloatCodec implements Codec<Float> {
        static final FloatCodec INSTANCE = new FloatCodec();

        @Override
        public void encode(Float value, CodecOutput out) {
            out.writeFloat(value);
        }

        @Override
        public Float decode(CodecInput in) {
            return in.readFloat();
        }

        @Override
        public int fixedSize() {
            return Float.BYTES;
        }
    }

    static final class DoubleCodec implements Codec<Double> {
        static final DoubleCodec INSTANCE = new DoubleCodec();

        @Override
        public void encode(Double value, CodecOutput out) {
            out.writeDouble(value);
        }

        @Override
        public Double decode(CodecInput in) {
            return in.readDouble();
        }

        @Override
        public int fixedSize() {
            return Double.BYTES;
        }
    }

    static final class StringCodec implements Codec<String> {
        static final StringCodec INSTANCE = new StringCodec();

        @Override
        public void encode(String value, CodecOutput out) {
            out.writeString(value);
        }

        @Override
        public String decode(CodecInput in) {
            return in.readString();
        }
    }

    static final class InstantCodec implements Codec<Instant> {
        static final InstantCodec INSTANCE = new InstantCodec();

        @Override
        public void encode(Instant value, CodecOutput out) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }

        @Override
        public Instant decode(CodecInput in) {
            long seconds = in.readLong();
            int nanos = in.readInt();
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (java.time.DateTimeException e) {
                throw new CodecException("malformed Instant: " + seconds + " s, " + nanos + " ns", e);
            }
        }

        @Override
        public int fixedSize() {
            return Long.BYTES + Integer.BYTES;
        }
    }
}
