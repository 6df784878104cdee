package io.weir.runtime.task;

import io.weir.api.config.ExchangeMode;
import io.weir.runtime.exchange.Channel;
import io.weir.runtime.exchange.ChannelReader;
import io.weir.runtime.exchange.ChannelSettings;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.exchange.Channels;
import io.weir.runtime.exchange.ElementHandler;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.operators.Output;
import io.weir.spi.scheduler.ProgressState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task whose output is backed up (one input element expanded into far more than the channel holds, as a
 * window firing a million results): each call that moves some of the pending batches into the channel made
 * progress, so that the worker calls the task again at once instead of idling before every refill; a call
 * that could move none made no progress.
 */
class StreamTaskBackPressureTest {
    /** 4 batches of 8 records. */
    private static final ChannelSettings SMALL = new ChannelSettings(4, 8, 128);
    private static final int FAN_OUT = 200;

    private final Channel input = Channels.create(ExchangeMode.OBJECT, null, SMALL, "in");
    private final Channel output = Channels.create(ExchangeMode.OBJECT, null, SMALL, "out");

    @AfterEach
    void close() {
        input.close();
        output.close();
    }

    @Test
    void shouldMakeProgressWhileMovingPendingBatchesAndNoneWhenItCannot() {
        RecordWriter writer = new Partitioners.Single(new ChannelWriter[]{output.writer()}, 0);
        Output head = new Output() {
            @Override
            public void emit(Object value, long timestamp) {
                for (int i = 0; i < FAN_OUT; i++) {
                    writer.emit(i, timestamp);
                }
            }

            @Override
            public void emitWatermark(long watermark) {
                writer.emitWatermark(watermark);
            }

            @Override
            public void emitWatermarkStatus(boolean idle) {
            }
        };
        OperatorChain chain = new OperatorChain(head, List.of(), Map.of(), List.of(writer), new Progress());
        InputTask task = new InputTask("task", 0, chain, new ChannelReader[]{input.reader()});
        task.init();
        input.writer().writeRecord("fire", 1);
        assertThat(input.writer().flush()).isTrue();

        assertThat(task.call()).as("the record was processed").isEqualTo(ProgressState.MADE_PROGRESS);
        assertThat(chain.hasCapacity()).as("far more output than the channel holds").isFalse();
        assertThat(task.call()).as("the consumer took nothing: nothing moved").isEqualTo(ProgressState.NO_PROGRESS);

        Counter counter = new Counter();
        for (int turns = 0; !chain.hasCapacity(); turns++) {
            assertThat(turns).isLessThan(1_000);
            output.reader().poll(counter, 8); // frees one batch
            assertThat(task.call()).as("a call that moved a pending batch").isEqualTo(ProgressState.MADE_PROGRESS);
        }
        while (output.reader().poll(counter, 1_000) > 0) {
            // the rest
        }
        assertThat(counter.records).as("every result, once").isEqualTo(FAN_OUT);
    }

    private static final class Counter implements ElementHandler {
        int records;

        @Override
        public void onRecord(Object value, long timestamp) {
            records++;
        }

        @Override
        public boolean onControl(ControlEvent event) {
            return true;
        }
    }
}
