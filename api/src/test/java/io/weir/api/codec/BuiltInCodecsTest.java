package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuiltInCodecsTest {
    private final CodecRegistry registry = new CodecRegistry();

    private <T> T roundTrip(Class<T> type, T value) {
        Codec<T> codec = registry.codecFor(type);
        byte[] bytes = Codecs.toBytes(codec, value);
        if (codec.fixedSize() >= 0) {
            assertThat(bytes).hasSize(codec.fixedSize());
        }
        return Codecs.fromBytes(codec, bytes);
    }

    @Test
    void shouldRoundTripPrimitivesAndBoxesAtTheirLimits() {
        for (boolean v : new boolean[] {true, false}) {
            assertThat(roundTrip(boolean.class, v)).isEqualTo(v);
            assertThat(roundTrip(Boolean.class, v)).isEqualTo(v);
        }
        for (byte v : new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}) {
            assertThat(roundTrip(byte.class, v)).isEqualTo(v);
            assertThat(roundTrip(Byte.class, v)).isEqualTo(v);
        }
        for (short v : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
            assertThat(roundTrip(short.class, v)).isEqualTo(v);
            assertThat(roundTrip(Short.class, v)).isEqualTo(v);
        }
        for (char v : new char[] {Character.MIN_VALUE, 'a', '\u00e9', '\ud83d', Character.MAX_VALUE}) {
            assertThat(roundTrip(char.class, v)).isEqualTo(v);
            assertThat(roundTrip(Character.class, v)).isEqualTo(v);
        }
        for (int v : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
            assertThat(roundTrip(int.class, v)).isEqualTo(v);
            assertThat(roundTrip(Integer.class, v)).isEqualTo(v);
        }
        for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            assertThat(roundTrip(long.class, v)).isEqualTo(v);
            assertThat(roundTrip(Long.class, v)).isEqualTo(v);
        }
        for (float v : new float[] {Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.NaN, Float.MAX_VALUE}) {
            assertThat(Float.floatToRawIntBits(roundTrip(float.class, v))).isEqualTo(Float.floatToRawIntBits(v));
            assertThat(Float.floatToRawIntBits(roundTrip(Float.class, v))).isEqualTo(Float.floatToRawIntBits(v));
        }
        for (double v : new double[] {Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.NaN, Double.MAX_VALUE}) {
            assertThat(Double.doubleToRawLongBits(roundTrip(double.class, v))).isEqualTo(Double.doubleToRawLongBits(v));
            assertThat(Double.doubleToRawLongBits(roundTrip(Double.class, v))).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void shouldKeepNanPayloadBits() {
        float f = Float.intBitsToFloat(0x7fc0_1234);
        double d = Double.longBitsToDouble(0x7ff8_0000_0000_4321L);
        assertThat(Float.floatToRawIntBits(roundTrip(float.class, f))).isEqualTo(0x7fc0_1234);
        assertThat(Double.doubleToRawLongBits(roundTrip(double.class, d))).isEqualTo(0x7ff8_0000_0000_4321L);
    }

    @Test
    void shouldRoundTripStrings() {
        for (String s : new String[] {"", "a", "héllo wörld", "日本語", "emoji \ud83d\ude00!", "x".repeat(10_000)}) {
            assertThat(roundTrip(String.class, s)).isEqualTo(s);
        }
    }

    @Test
    void shouldRoundTripInstants() {
        for (Instant i : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2024-02-29T12:34:56.123456789Z")}) {
            assertThat(roundTrip(Instant.class, i)).isEqualTo(i);
        }
    }

    @Test
    void shouldRoundTripPrimitiveArrays() {
        assertThat(roundTrip(byte[].class, new byte[] {1, -2, 3})).containsExactly(1, -2, 3);
        assertThat(roundTrip(byte[].class, new byte[0])).isEmpty();
        assertThat(roundTrip(boolean[].class, new boolean[] {true, false})).containsExactly(true, false);
        assertThat(roundTrip(short[].class, new short[] {Short.MIN_VALUE, 7})).containsExactly(Short.MIN_VALUE, (short) 7);
        assertThat(roundTrip(char[].class, new char[] {'a', '\uffff'})).containsExactly('a', '\uffff');
        assertThat(roundTrip(int[].class, new int[] {Integer.MIN_VALUE, 0, 42})).containsExactly(Integer.MIN_VALUE, 0, 42);
        assertThat(roundTrip(long[].class, new long[] {Long.MAX_VALUE, -5})).containsExactly(Long.MAX_VALUE, -5L);
        assertThat(roundTrip(float[].class, new float[] {1.5f, Float.NaN})).containsExactly(1.5f, Float.NaN);
        assertThat(roundTrip(double[].class, new double[] {-2.25, Double.MIN_VALUE})).containsExactly(-2.25, Double.MIN_VALUE);
        assertThat(roundTrip(int[].class, new int[300])).hasSize(300);
    }

    @Test
    void shouldShareOneCodecBetweenAPrimitiveAndItsBox() {
        assertThat(registry.codecFor(int.class)).isSameAs(registry.codecFor(Integer.class));
        assertThat(registry.codecFor(long.class).fixedSize()).isEqualTo(8);
        assertThat(registry.codecFor(Instant.class).fixedSize()).isEqualTo(12);
        assertThat(registry.codecFor(String.class).fixedSize()).isEqualTo(-1);
    }

    @Test
    void shouldWriteMultiByteValuesBigEndian() {
        assertThat(Codecs.toBytes(registry.codecFor(int.class), 0x0102_0304)).containsExactly(1, 2, 3, 4);
        assertThat(Codecs.toBytes(registry.codecFor(short.class), (short) 0x0a0b)).containsExactly(0x0a, 0x0b);
        assertThat(Codecs.toBytes(registry.codecFor(long.class), 0x0102_0304_0506_0708L))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Codecs.toBytes(registry.codecFor(double.class), 1.0))
                .containsExactly(0x3f, 0xf0 - 256, 0, 0, 0, 0, 0, 0);
    }
}
