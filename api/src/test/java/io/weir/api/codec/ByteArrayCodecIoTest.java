package io.weir.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteArrayCodecIoTest {

    @Test
    void shouldGrowFromAnEmptyArray() {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(0);
        for (int i = 0; i < 1000; i++) {
            out.writeLong(i);
        }
        assertThat(out.size()).isEqualTo(8000);
        ByteArrayCodecInput in = new ByteArrayCodecInput(out.toByteArray());
        for (int i = 0; i < 1000; i++) {
            assertThat(in.readLong()).isEqualTo(i);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void shouldReuseTheArrayAfterReset() {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(16);
        out.writeInt(1);
        out.writeInt(2);
        byte[] array = out.array();
        out.reset();
        assertThat(out.size()).isZero();
        out.writeInt(3);
        assertThat(out.array()).isSameAs(array);
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 3);
    }

    @Test
    void shouldWriteVarIntsAsTheDefaultMethodDoes() {
        int[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
        for (int v : values) {
            ByteArrayCodecOutput fast = new ByteArrayCodecOutput();
            fast.writeVarInt(v);
            assertThat(fast.toByteArray()).as("var-int %d", v).containsExactly(DefaultOnly.varInt(v));
            assertThat(new ByteArrayCodecInput(fast.toByteArray()).readVarInt()).isEqualTo(v);
        }
        assertThat(varIntLength(127)).isEqualTo(1);
        assertThat(varIntLength(128)).isEqualTo(2);
        assertThat(varIntLength(-1)).isEqualTo(5);
    }

    private static int varIntLength(int v) {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput();
        out.writeVarInt(v);
        return out.size();
    }

    @Test
    void shouldEncodeStringsExactlyAsGetBytesDoes() {
        String[] samples = {"", "ascii", "é", "\u07ff\u0800\uffff", "\ud83d\ude00", "lone high \ud83d end",
            "lone low \ude00", "\ud83d", "\ude00\ud83d", "mixed a\u00e9\u4e2d\ud83d\ude00z"};
        for (String s : samples) {
            ByteArrayCodecOutput out = new ByteArrayCodecOutput();
            out.writeString(s);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ByteArrayCodecOutput expected = new ByteArrayCodecOutput();
            expected.writeVarInt(utf8.length);
            expected.writeBytes(utf8, 0, utf8.length);
            assertThat(out.toByteArray()).as(s).containsExactly(expected.toByteArray());
            assertThat(new ByteArrayCodecInput(out.toByteArray()).readString())
                    .isEqualTo(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldReportMissingBytesAndPositionWhenInputIsTruncated() {
        ByteArrayCodecInput in = new ByteArrayCodecInput(new byte[] {9, 0, 0, 0, 1, 2}, 1, 5);
        assertThat(in.readInt()).isEqualTo(1);
        assertThatThrownBy(in::readLong)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("needed 8 bytes at position 4")
                .hasMessageContaining("only 1 remain")
                .hasMessageContaining("7 bytes missing");
        assertThat(in.position()).isEqualTo(4);
        assertThat(in.readByte()).isEqualTo((byte) 2);
    }

    @Test
    void shouldReportTruncatedVarIntsAndStrings() {
        assertThatThrownBy(() -> new ByteArrayCodecInput(new byte[] {(byte) 0x80}).readVarInt())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("var-int at position 0 is cut off after 1 bytes");
        assertThatThrownBy(() -> new ByteArrayCodecInput(new byte[] {5, 'a', 'b'}).readString())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("needed 5 bytes at position 1")
                .hasMessageContaining("3 bytes missing");
        assertThatThrownBy(() -> new ByteArrayCodecInput(new byte[] {-1, -1, -1, -1, -1, 1}).readVarInt())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("more than 5 bytes");
    }

    @Test
    void shouldRejectABooleanThatIsNeitherZeroNorOne() {
        assertThatThrownBy(() -> new ByteArrayCodecInput(new byte[] {2}).readBoolean())
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("malformed boolean at position 0: byte 2");
    }

    @Test
    void shouldRejectAnArrayLengthLongerThanTheInputBeforeAllocating() {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput();
        out.writeVarInt(Integer.MAX_VALUE);
        Codec<long[]> codec = new CodecRegistry().codecFor(long[].class);
        assertThatThrownBy(() -> Codecs.fromBytes(codec, out.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("input truncated");
    }

    @Test
    void shouldRejectTrailingBytes() {
        Codec<Integer> codec = new CodecRegistry().codecFor(int.class);
        assertThatThrownBy(() -> Codecs.fromBytes(codec, new byte[5]))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("1 trailing bytes");
    }

    @Test
    void shouldReadASliceAndBeReusable() {
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        ByteArrayCodecInput in = new ByteArrayCodecInput();
        assertThat(in.remaining()).isZero();
        assertThat(in.reset(bytes, 2, 2).readShort()).isEqualTo((short) 0x0304);
        assertThat(in.reset(bytes, 0, 1).readByte()).isEqualTo((byte) 1);
        assertThatThrownBy(() -> in.reset(bytes, 4, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The default {@link CodecOutput#writeVarInt}, to compare the override with. */
    private static final class DefaultOnly implements CodecOutput {
        private final ByteArrayCodecOutput target = new ByteArrayCodecOutput();

        static byte[] varInt(int v) {
            DefaultOnly d = new DefaultOnly();
            d.writeVarInt(v);
            return d.target.toByteArray();
        }

        @Override public void writeByte(int value) { target.writeByte(value); }
        @Override public void writeBoolean(boolean value) { throw new UnsupportedOperationException(); }
        @Override public void writeShort(int value) { throw new UnsupportedOperationException(); }
        @Override public void writeChar(int value) { throw new UnsupportedOperationException(); }
        @Override public void writeInt(int value) { throw new UnsupportedOperationException(); }
        @Override public void writeLong(long value) { throw new UnsupportedOperationException(); }
        @Override public void writeFloat(float value) { throw new UnsupportedOperationException(); }
        @Override public void writeDouble(double value) { throw new UnsupportedOperationException(); }
        @Override public void writeBytes(byte[] bytes, int offset, int length) { target.writeBytes(bytes, offset, length); }
    }
}
