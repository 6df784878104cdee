package io.weir.runtime.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.config.ExchangeMode;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.element.StreamRecord;
import io.weir.runtime.element.Watermark;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpscSerializedChannelTest extends ChannelContractTest {

    @Override
    Channel createChannel(ChannelSettings settings) {
        return Channels.create(ExchangeMode.SERIALIZED, TestCodecs.LONGS_AND_STRINGS, settings, "test-serialized");
    }

    @Test
    void shouldRejectRecordLargerThanABufferNamingItsSizeAndTheOption() {
        Channel channel = newChannel(new ChannelSettings(4, 8, 64));
        String large = "x".repeat(100);

        assertThatThrownBy(() -> channel.writer().writeRecord(large, 1))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("test-serialized")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("102 bytes") // type byte + var-int length + 100 bytes
                .hasMessageContaining("64 bytes")
                .hasMessageContaining("exchange.buffer-size");
    }

    @Test
    void shouldKeepWorkingAfterARefusedRecord() {
        Channel channel = newChannel(new ChannelSettings(4, 8, 64));
        ChannelWriter writer = channel.writer();
        writer.writeRecord(1L, 1);
        assertThatThrownBy(() -> writer.writeRecord("y".repeat(100), 2)).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> writer.writeRecord(3.0, 3)).isInstanceOf(CodecException.class)
                .hasMessageContaining("unsupported type");
        writer.writeRecord(4L, 4);
        writer.flush();

        assertThat(new RecordingHandler().drain(channel.reader()))
                .containsExactly(new StreamRecord(1L, 1), new StreamRecord(4L, 4));
    }

    @Test
    void shouldMoveARecordThatDoesNotFitTheRestOfABufferToTheNextOne() {
        Channel channel = newChannel(new ChannelSettings(16, 8, 64));
        List<StreamElement> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(new StreamRecord("record-" + "z".repeat(i * 3), i)); // 22..49 bytes each
        }
        write(channel.writer(), sent);
        channel.writer().flush();

        assertThat(new RecordingHandler().drain(channel.reader())).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldRetryWhenACodecWrapsTheBufferFullSignal() {
        Codec<Object> wrapping = new Codec<>() {
            @Override
            public void encode(Object value, CodecOutput out) {
                try {
                    out.writeString((String) value);
                } catch (RuntimeException e) {
                    throw new CodecException("wrapped", e);
                }
            }

            @Override
            public Object decode(CodecInput in) {
                return in.readString();
            }
        };
        Channel channel = Channels.create(ExchangeMode.SERIALIZED, wrapping, new ChannelSettings(4, 8, 64), "wrap");
        try (channel) {
            write(channel.writer(), List.of(new StreamRecord("a".repeat(30), 1), new StreamRecord("b".repeat(30), 2)));
            channel.writer().flush();
            assertThat(new RecordingHandler().drain(channel.reader()))
                    .containsExactly(new StreamRecord("a".repeat(30), 1), new StreamRecord("b".repeat(30), 2));
        }
    }

    @Test
    void shouldNameTheChannelWhenACodecReadsTooLittle() {
        Codec<Object> sloppy = new Codec<>() {
            @Override
            public void encode(Object value, CodecOutput out) {
                out.writeLong((Long) value);
                out.writeInt(0); // written but never read
            }

            @Override
            public Object decode(CodecInput in) {
                return in.readLong();
            }
        };
        Channel channel = Channels.create(ExchangeMode.SERIALIZED, sloppy, SMALL, "sloppy-channel");
        try (channel) {
            write(channel.writer(), List.of(new StreamRecord(1L, 1), new Watermark(1)));
            assertThatThrownBy(() -> channel.reader().poll(new RecordingHandler(), 10))
                    .isInstanceOf(CodecException.class)
                    .hasMessageContaining("sloppy-channel").hasMessageContaining("read 8 bytes of a record of 12 bytes");
            assertThat(new RecordingHandler().drain(channel.reader())).containsExactly(new Watermark(1));
        }
    }

    @Test
    void shouldFreeOffHeapBuffersOnClose() {
        SpscSerializedChannel channel = (SpscSerializedChannel) newChannel(SMALL);
        write(channel.writer(), records(0, 5));
        channel.writer().flush();
        MemorySegment buffer = channel.pool().bufferAcquire(0).segment;
        assertThat(channel.pool().isAlive()).isTrue();

        channel.close();

        assertThat(channel.pool().isAlive()).isFalse();
        assertThat(buffer.scope().isAlive()).isFalse();
        assertThatThrownBy(() -> buffer.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> channel.writer().writeRecord(1L, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReuseBuffersInSteadyState() {
        SpscSerializedChannel channel = (SpscSerializedChannel) newChannel(SMALL);
        RecordingHandler handler = new RecordingHandler();
        for (int round = 0; round < 1000; round++) {
            write(channel.writer(), records(0, 20));
            channel.writer().writeControl(new Watermark(round));
            handler.drain(channel.reader());
            handler.elements.clear();
        }
        // 8 ring slots + 4: what the pool allocated up front; nothing beyond in steady state
        assertThat(channel.pool().allocatedBuffers()).isLessThanOrEqualTo(SpscSerializedChannel.MIN_SLOTS + 4);
    }

    @Test
    void shouldGrowThePoolForABurstAndDeliverAllOfIt() {
        SpscSerializedChannel channel = (SpscSerializedChannel) newChannel(SMALL);
        List<StreamElement> burst = records(0, 2000); // ~ 22 bytes each: far more than 8 buffers of 128 bytes
        write(channel.writer(), burst);

        assertThat(channel.writer().hasCapacity()).isFalse();
        assertThat(channel.pool().allocatedBuffers()).isGreaterThan(SpscSerializedChannel.MIN_SLOTS + 4);
        RecordingHandler handler = new RecordingHandler();
        while (!channel.writer().flush()) {
            channel.reader().poll(handler, 7);
        }
        assertThat(handler.drain(channel.reader())).containsExactlyElementsOf(burst);
    }

    @Test
    void shouldEstimateCapacityFromTheEncodedSize() {
        Channel channel = Channels.create(ExchangeMode.SERIALIZED, TestCodecs.LONGS,
                new ChannelSettings(16, 8, 1024), "fixed");
        try (channel) {
            // 1024 / (13 header + 8 body) = 48 records per buffer, 16 buffers
            assertThat(channel.capacity()).isEqualTo(16 * 48);
        }
    }
}
