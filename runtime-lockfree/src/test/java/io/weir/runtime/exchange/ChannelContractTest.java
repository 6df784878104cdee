package io.weir.runtime.exchange;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.element.StreamRecord;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link Channel} implementation passes (in the style of JCTools'
 * QueueSanityTest): order, control events, back-pressure, flush, poll limit and early stop, close.
 * A subclass per implementation supplies {@link #createChannel}.
 */
abstract class ChannelContractTest {

    /** Small sizes so that the tests reach "full" quickly: 4 batches of 8, buffers of 128 bytes. */
    static final ChannelSettings SMALL = new ChannelSettings(4, 8, 128);

    private final List<Channel> opened = new ArrayList<>();

    /** A new channel of the implementation under test. */
    abstract Channel createChannel(ChannelSettings settings);

    final Channel newChannel(ChannelSettings settings) {
        Channel channel = createChannel(settings);
        opened.add(channel);
        return channel;
    }

    @AfterEach
    void closeChannels() {
        opened.forEach(Channel::close);
    }

    static StreamRecord record(long i) {
        return new StreamRecord(i, i * 10);
    }

    static void write(ChannelWriter writer, List<? extends StreamElement> elements) {
        elements.forEach(e -> ElementSequence.write(writer, e));
    }

    static List<StreamElement> records(int from, int to) {
        List<StreamElement> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(record(i));
        }
        return list;
    }

    @Test
    void shouldDeliverRecordsInWriteOrder() {
        Channel channel = newChannel(SMALL);
        List<StreamElement> sent = records(0, 20); // fewer than the channel holds
        write(channel.writer(), sent);
        assertThat(channel.writer().flush()).isTrue();

        assertThat(new RecordingHandler().drain(channel.reader())).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldInterleaveEveryKindOfControlEventWithRecordsInOrder() {
        Channel channel = newChannel(new ChannelSettings(16, 8, 256));
        List<StreamElement> sent = List.of(record(1), new Watermark(5), record(2),
                new StreamRecord(3L, StreamElement.NO_TIMESTAMP), new CheckpointBarrier(7, 1234, false),
                new CheckpointBarrier(8, 1235, true), new StreamRecord(-4L, -40), new LatencyMarker(99, 3, 1),
                WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, new Watermark(Long.MIN_VALUE), record(5),
                Watermark.MAX, EndOfInput.INSTANCE);
        write(channel.writer(), sent);

        assertThat(new RecordingHandler().drain(channel.reader())).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldHoldPartialBatchUntilFlush() {
        Channel channel = newChannel(SMALL);
        write(channel.writer(), records(0, 3));
        RecordingHandler handler = new RecordingHandler();

        assertThat(channel.reader().poll(handler, 100)).isZero();
        assertThat(channel.size()).isZero();
        assertThat(channel.writer().flush()).isTrue();
        assertThat(channel.size()).isEqualTo(3);
        assertThat(channel.reader().poll(handler, 100)).isEqualTo(3);
        assertThat(channel.size()).isZero();
        assertThat(channel.writer().flush()).as("nothing left to flush").isTrue();
    }

    @Test
    void shouldPublishBatchImmediatelyOnControlEvent() {
        Channel channel = newChannel(SMALL);
        write(channel.writer(), List.of(record(1), record(2), new Watermark(2)));

        assertThat(new RecordingHandler().drain(channel.reader()))
                .containsExactly(record(1), record(2), new Watermark(2));
    }

    @Test
    void shouldTurnCapacityOffWhenFullAndLoseNothing() {
        Channel channel = newChannel(SMALL);
        ChannelWriter writer = channel.writer();
        List<StreamElement> sent = new ArrayList<>();
        for (int i = 0; writer.hasCapacity(); i++) {
            assertThat(i).as("a channel of capacity %d must fill up", channel.capacity()).isLessThan(100_000);
            StreamElement element = record(i);
            ElementSequence.write(writer, element);
            sent.add(element);
        }
        assertThat(writer.flush()).as("flush while the consumer has taken nothing").isFalse();
        assertThat(writer.hasCapacity()).isFalse();
        assertThat(channel.size()).isPositive();
        // one input element may expand into several: writing is never refused, only deferred
        List<StreamElement> burst = records(sent.size(), sent.size() + 30);
        write(writer, burst);
        sent.addAll(burst);

        RecordingHandler handler = new RecordingHandler();
        for (int turns = 0; !writer.flush(); turns++) {
            assertThat(turns).isLessThan(10_000);
            channel.reader().poll(handler, 5);
        }
        assertThat(writer.hasCapacity()).isTrue();
        assertThat(handler.drain(channel.reader())).containsExactlyElementsOf(sent);
        assertThat(channel.size()).isZero();
    }

    /** {@link ChannelWriter#published()} grows as pending batches move, also when a flush cannot move them all. */
    @Test
    void shouldCountPublishedElementsAsPendingBatchesMove() {
        Channel channel = newChannel(SMALL);
        ChannelWriter writer = channel.writer();
        int written = 0;
        while (writer.hasCapacity()) {
            ElementSequence.write(writer, record(written++));
        }
        write(writer, records(written, written + 40)); // pending: one input element expanded into many
        written += 40;
        long published = writer.published();
        assertThat(published).isPositive().isLessThan(written);
        assertThat(writer.flush()).isFalse();
        assertThat(writer.published()).as("nothing taken: nothing moved").isEqualTo(published);

        RecordingHandler handler = new RecordingHandler();
        channel.reader().poll(handler, 8); // frees one batch
        assertThat(writer.flush()).as("more pending than one batch").isFalse();
        assertThat(writer.published()).as("a flush that moved a batch").isGreaterThan(published);
        for (int turns = 0; !writer.flush(); turns++) {
            assertThat(turns).isLessThan(10_000);
            channel.reader().poll(handler, 8);
        }
        assertThat(writer.published()).isEqualTo(written);
    }

    @Test
    void shouldKeepOrderOfControlEventsWrittenWhileFull() {
        Channel channel = newChannel(SMALL);
        ChannelWriter writer = channel.writer();
        List<StreamElement> sent = new ArrayList<>();
        for (int i = 0; writer.hasCapacity(); i++) {
            assertThat(i).isLessThan(100_000);
            Watermark watermark = new Watermark(i); // one batch each
            writer.writeControl(watermark);
            sent.add(watermark);
        }
        List<StreamElement> more = List.of(record(1), new CheckpointBarrier(1, 2, false), record(2), record(3));
        write(writer, more);
        sent.addAll(more);

        RecordingHandler handler = new RecordingHandler();
        while (!writer.flush()) {
            channel.reader().poll(handler, 1);
        }
        assertThat(handler.drain(channel.reader())).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldDeliverAtMostTheLimitPerPoll() {
        Channel channel = newChannel(SMALL);
        write(channel.writer(), records(0, 10));
        channel.writer().flush();
        RecordingHandler handler = new RecordingHandler();
        ChannelReader reader = channel.reader();

        assertThat(List.of(reader.poll(handler, 3), reader.poll(handler, 3), reader.poll(handler, 3),
                reader.poll(handler, 3), reader.poll(handler, 3))).containsExactly(3, 3, 3, 1, 0);
        assertThat(handler.elements).containsExactlyElementsOf(records(0, 10));
    }

    @Test
    void shouldStopPollRightAfterControlEventWhenHandlerSaysSo() {
        Channel channel = newChannel(SMALL);
        CheckpointBarrier barrier = new CheckpointBarrier(3, 0, false);
        write(channel.writer(), List.of(record(1), record(2), barrier, record(3), barrier, new Watermark(9)));
        channel.writer().flush();
        RecordingHandler handler = new RecordingHandler(event -> event instanceof CheckpointBarrier);

        assertThat(channel.reader().poll(handler, 100)).isEqualTo(3);
        assertThat(handler.elements).containsExactly(record(1), record(2), barrier);
        assertThat(channel.reader().poll(handler, 100)).isEqualTo(2);
        assertThat(channel.reader().poll(handler, 100)).isEqualTo(1);
        assertThat(handler.elements).containsExactly(record(1), record(2), barrier, record(3), barrier,
                new Watermark(9));
    }

    @Test
    void shouldResumeAfterTheElementAHandlerFailedOn() {
        Channel channel = newChannel(SMALL);
        write(channel.writer(), records(0, 4));
        channel.writer().flush();
        List<Object> seen = new ArrayList<>();
        ElementHandler failingOnTwo = new ElementHandler() {
            @Override
            public void onRecord(Object value, long timestamp) {
                seen.add(value);
                if (value.equals(1L)) {
                    throw new IllegalStateException("boom");
                }
            }

            @Override
            public boolean onControl(ControlEvent event) {
                return true;
            }
        };

        assertThatThrownBy(() -> channel.reader().poll(failingOnTwo, 10)).hasMessage("boom");
        assertThat(channel.reader().poll(failingOnTwo, 10)).isEqualTo(2);
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
        assertThat(channel.size()).isZero();
    }

    @Test
    void shouldRejectNonPositivePollLimit() {
        Channel channel = newChannel(SMALL);
        assertThatThrownBy(() -> channel.reader().poll(new RecordingHandler(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void shouldReportCapacityOfAtLeastTheConfiguredBatches() {
        Channel channel = newChannel(SMALL);
        assertThat(channel.capacity()).isGreaterThanOrEqualTo(SMALL.capacity());
        assertThat(channel.size()).isZero();
    }

    @Test
    void shouldRefuseUseAfterCloseAndCloseIdempotently() {
        Channel channel = newChannel(SMALL);
        write(channel.writer(), records(0, 3));
        channel.close();
        channel.close();

        assertThatThrownBy(() -> channel.reader().poll(new RecordingHandler(), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> channel.writer().flush())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldMoveFiveMillionElementsBetweenTwoThreadsInExactOrder() throws InterruptedException {
        long count = 5_000_000;
        long seed = 0x5EEDL;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Channel channel = newChannel(new ChannelSettings(16, 256, 4096));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SequenceVerifier verifier = new SequenceVerifier(new ElementSequence(seed, true));

        Thread producer = new Thread(() -> {
            ElementSequence sequence = new ElementSequence(seed, true);
            ChannelWriter writer = channel.writer();
            long written = 0;
            while (written < count && failure.get() == null) {
                // one "tasklet call": produce while there is capacity (bounded), then flush
                for (int i = 0; i < 500 && written < count && writer.hasCapacity(); i++, written++) {
                    ElementSequence.write(writer, sequence.next());
                }
                if (!writer.flush()) {
                    waitTurn(deadline, "producer");
                }
            }
            writer.writeControl(EndOfInput.INSTANCE);
            while (!writer.flush() && failure.get() == null) {
                waitTurn(deadline, "producer");
            }
        }, "channel-test-producer");
        Thread consumer = new Thread(() -> {
            ChannelReader reader = channel.reader();
            while (!verifier.ended() && verifier.mismatch() == null && failure.get() == null) {
                if (reader.poll(verifier, 1024) == 0) {
                    waitTurn(deadline, "consumer");
                }
            }
            if (verifier.mismatch() != null) {
                failure.compareAndSet(null, new AssertionError(verifier.mismatch())); // stops the producer too
            }
        }, "channel-test-consumer");
        producer.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
        consumer.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
        producer.start();
        consumer.start();
        producer.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())) + 1);
        consumer.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())) + 1);
        if (producer.isAlive() || consumer.isAlive()) {
            failure.compareAndSet(null, new AssertionError("deadline passed"));
            producer.join(10_000);
            consumer.join(10_000);
        }

        assertThat(failure.get()).as("thread failure").isNull();
        assertThat(verifier.mismatch()).isNull();
        assertThat(verifier.ended()).isTrue();
        assertThat(verifier.received()).isEqualTo(count);
        assertThat(channel.size()).isZero();
    }

    /** No progress this turn: give the other thread the core (bounded by the deadline, never a sleep). */
    private static void waitTurn(long deadline, String who) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(who + " made no progress before the deadline");
        }
        Thread.yield();
    }
}
