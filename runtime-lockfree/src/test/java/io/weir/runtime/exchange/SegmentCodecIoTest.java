package io.weir.runtime.exchange;

import io.weir.api.codec.CodecException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentCodecIoTest {

    @Test
    void shouldReadBackEveryTypeItWrote() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(256);
            SegmentCodecOutput out = new SegmentCodecOutput();
            out.wrap(segment);
            out.writeByte(1); // odd start: everything after is unaligned
            out.writeBoolean(true);
            out.writeShort(-2);
            out.writeChar('é');
            out.writeInt(0x12345678);
            out.writeLong(Long.MIN_VALUE + 3);
            out.writeFloat(1.5f);
            out.writeDouble(-2.25);
            out.writeVarInt(300);
            out.writeVarInt(-1);
            out.writeString("grüße, 世界");
            out.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);
            int written = out.position();

            SegmentCodecInput in = new SegmentCodecInput();
            in.wrap(segment, 0, written);
            assertThat(in.readByte()).isEqualTo((byte) 1);
            assertThat(in.readBoolean()).isTrue();
            assertThat(in.readShort()).isEqualTo((short) -2);
            assertThat(in.readChar()).isEqualTo('é');
            assertThat(in.readInt()).isEqualTo(0x12345678);
            assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 3);
            assertThat(in.readFloat()).isEqualTo(1.5f);
            assertThat(in.readDouble()).isEqualTo(-2.25);
            assertThat(in.readVarInt()).isEqualTo(300);
            assertThat(in.readVarInt()).isEqualTo(-1);
            assertThat(in.readString()).isEqualTo("grüße, 世界");
            byte[] bytes = new byte[3];
            in.readBytes(bytes, 1, 2);
            assertThat(bytes).containsExactly(0, 8, 7);
            assertThat(in.position()).isEqualTo(written);
        }
    }

    @Test
    void shouldWriteInNativeByteOrder() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8);
            SegmentCodecOutput out = new SegmentCodecOutput();
            out.wrap(segment);
            out.writeInt(0x01020304);

            byte first = segment.get(ValueLayout.JAVA_BYTE, 0);
            assertThat(first).isEqualTo(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? (byte) 4 : (byte) 1);
        }
    }

    @Test
    void shouldSignalFullWithoutMovingWhenAWriteDoesNotFit() {
        try (Arena arena = Arena.ofConfined()) {
            SegmentCodecOutput out = new SegmentCodecOutput();
            out.wrap(arena.allocate(10));
            out.writeInt(1);
            out.writeShort(2);

            assertThatThrownBy(() -> out.writeLong(3)).isSameAs(SegmentCodecOutput.FULL);
            assertThat(out.position()).isEqualTo(6);
            assertThat(out.remaining()).isEqualTo(4);
            assertThatThrownBy(() -> out.writeBytes(new byte[5], 0, 5)).isSameAs(SegmentCodecOutput.FULL);
            out.writeInt(4);
            assertThat(out.remaining()).isZero();
            assertThat(SegmentCodecOutput.FULL.getStackTrace()).isEmpty();
            assertThat(SegmentCodecOutput.isBufferFull(new CodecException("x", SegmentCodecOutput.FULL))).isTrue();
            assertThat(SegmentCodecOutput.isBufferFull(new CodecException("x"))).isFalse();
        }
    }

    @Test
    void shouldNameMissingBytesWhenReadingPastTheLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(16);
            SegmentCodecInput in = new SegmentCodecInput();
            in.wrap(segment, 2, 7);
            in.readShort();

            assertThatThrownBy(in::readLong).isInstanceOf(CodecException.class)
                    .hasMessageContaining("8 bytes wanted at offset 4, 3 left, 5 missing");
            assertThat(in.position()).isEqualTo(4);
        }
    }

    @Test
    void shouldRejectARangeOutsideTheSegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(16);
            SegmentCodecInput in = new SegmentCodecInput();
            assertThatThrownBy(() -> in.wrap(segment, 4, 17)).isInstanceOf(IndexOutOfBoundsException.class);
            SegmentCodecOutput out = new SegmentCodecOutput();
            out.wrap(segment);
            assertThatThrownBy(() -> out.position(17)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
