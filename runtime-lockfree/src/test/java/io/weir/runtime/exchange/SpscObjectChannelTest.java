package io.weir.runtime.exchange;

import io.weir.api.config.ExchangeMode;
import io.weir.runtime.element.Watermark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpscObjectChannelTest extends ChannelContractTest {

    @Override
    Channel createChannel(ChannelSettings settings) {
        return Channels.create(ExchangeMode.OBJECT, null, settings, "test-object");
    }

    @Test
    void shouldReportExactCapacityInElements() {
        Channel channel = newChannel(new ChannelSettings(16, 100, 1024));
        assertThat(channel.capacity()).isEqualTo(1600);
    }

    @Test
    void shouldHandOverTheSameObjectsWithoutCopying() {
        Channel channel = newChannel(SMALL);
        Object value = new Object();
        channel.writer().writeRecord(value, 1);
        channel.writer().flush();
        Object[] received = new Object[1];
        channel.reader().poll(new ElementHandler() {
            @Override
            public void onRecord(Object v, long timestamp) {
                received[0] = v;
            }

            @Override
            public boolean onControl(io.weir.runtime.element.ControlEvent event) {
                return true;
            }
        }, 1);
        assertThat(received[0]).isSameAs(value);
    }

    @Test
    void shouldRecycleBatchesInSteadyState() {
        SpscObjectChannel channel = (SpscObjectChannel) newChannel(new ChannelSettings(4, 8, 1024));
        ObjectChannelWriter writer = (ObjectChannelWriter) channel.writer();
        RecordingHandler handler = new RecordingHandler();
        for (int round = 0; round < 1000; round++) {
            write(writer, records(0, 20));
            writer.writeControl(new Watermark(round));
            handler.drain(channel.reader());
            handler.elements.clear();
        }
        // the queue's batches, the writer's and the reader's: nothing allocated after warm-up
        assertThat(writer.allocatedBatches()).isLessThanOrEqualTo(6);
    }
}
