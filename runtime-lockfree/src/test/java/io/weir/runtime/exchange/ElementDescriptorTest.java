package io.weir.runtime.exchange;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementDescriptorTest {

    private static final List<ControlEvent> EVERY_KIND = List.of(new Watermark(-5), Watermark.MAX,
            new CheckpointBarrier(42, 1_700_000_000_000L, false), new CheckpointBarrier(43, 7, true),
            EndOfInput.INSTANCE, new LatencyMarker(123_456_789L, 3, 11), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);

    @Test
    void shouldRoundTripEveryControlEventAtAnUnalignedOffsetInItsDeclaredLength() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(64);
            for (ControlEvent event : EVERY_KIND) {
                int length = ControlElements.write(segment, 3, event);
                byte tag = segment.get(ValueLayout.JAVA_BYTE, ElementDescriptor.tagOffset(3));

                assertThat(length).isEqualTo(ElementDescriptor.controlLength(tag)).isLessThanOrEqualTo(
                        ElementDescriptor.MAX_CONTROL_LENGTH);
                assertThat(tag).isEqualTo(ElementDescriptor.tagOf(event));
                assertThat(ControlElements.read(segment, 3, tag)).isEqualTo(event);
            }
        }
    }

    @Test
    void shouldGiveEveryElementKindItsOwnTag() {
        Set<Byte> tags = new HashSet<>();
        tags.add(ElementDescriptor.TAG_RECORD);
        EVERY_KIND.forEach(event -> tags.add(ElementDescriptor.tagOf(event)));
        assertThat(tags).containsExactlyInAnyOrder((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6);
    }

    @Test
    void shouldPlaceRecordBodyAfterTagTimestampAndLength() {
        assertThat(ElementDescriptor.recordTimestampOffset(10)).isEqualTo(11);
        assertThat(ElementDescriptor.recordBodyLengthOffset(10)).isEqualTo(19);
        assertThat(ElementDescriptor.recordBodyOffset(10)).isEqualTo(10 + ElementDescriptor.RECORD_HEADER_LENGTH);
        assertThat(ChannelSettings.MIN_BUFFER_SIZE).isGreaterThan(ElementDescriptor.MAX_CONTROL_LENGTH);
    }

    @Test
    void shouldRejectACorruptTag() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(16);
            assertThatThrownBy(() -> ControlElements.read(segment, 0, (byte) 99))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown tag 99");
        }
    }
}
