package io.weir.perf.exchange;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.config.ExchangeMode;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.exchange.Channel;
import io.weir.runtime.exchange.ChannelReader;
import io.weir.runtime.exchange.ChannelSettings;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.exchange.Channels;
import io.weir.runtime.exchange.ElementHandler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two-thread hand-off throughput of one channel: a producer thread writes Long records as a task
 * would (checking {@code hasCapacity()} before each record, flushing at the end of each call of
 * {@value #BURST} records), a consumer thread polls them. The number to read is the consumer's
 * {@code received} counter, in records per second; the primary score counts benchmark calls and
 * means nothing. A side that finds nothing to do calls {@link Thread#yield()}, as a scheduler's idle
 * strategy would: with two busy threads on two cores it returns at once, and on a loaded machine it
 * lets the other side run instead of spinning out a whole time slice. Groups:
 * <ul>
 *   <li>{@code channel} with {@code mode=OBJECT}: batches of references (JCTools SPSC queue);</li>
 *   <li>{@code channel} with {@code mode=SERIALIZED}: records encoded into off-heap buffers (Agrona ring);</li>
 *   <li>{@code arrayBlockingQueue}: the JDK baseline, one {@code offer}/{@code poll} per record.</li>
 * </ul>
 * Both sides of a channel use the default settings ({@code exchange.*} options): 16 batches of 256
 * records, or 16 buffers of 32 KiB. Run: {@code java -jar perf-lab/target/benchmarks.jar ChannelHandOff}.
 *
 * <h2>Thread safety</h2>
 * JMH runs each group's producer and consumer method on their own thread; the group-scoped state
 * is the channel, used as its contract says (one writer thread, one reader thread).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelHandOffBenchmark {

    /** Records per producer call: one tasklet call's worth. */
    static final int BURST = 1024;
    /** Distinct preallocated values, so that the producer allocates nothing. */
    static final Long[] VALUES = new Long[BURST];

    static {
        for (int i = 0; i < BURST; i++) {
            VALUES[i] = 1_000_000L + i;
        }
    }

    /** 8 bytes a Long. */
    static final Codec<Object> LONG_CODEC = new Codec<>() {
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

    /** One channel shared by the producer and the consumer thread of a group. */
    @State(Scope.Group)
    public static class ChannelState {
        @Param({"OBJECT", "SERIALIZED"})
        public ExchangeMode mode;
        Channel channel;
        ChannelWriter writer;
        ChannelReader reader;

        @Setup(Level.Trial)
        public void open() {
            channel = Channels.create(mode, LONG_CODEC, ChannelSettings.defaults(), "benchmark");
            writer = channel.writer();
            reader = channel.reader();
        }

        @TearDown(Level.Trial)
        public void close() {
            channel.close();
        }
    }

    /** The baseline queue, as deep as a channel (16 x 256 records). */
    @State(Scope.Group)
    public static class QueueState {
        final ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(16 * 256);
    }

    /** The consumer's count of received records: JMH reports it as records per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Received {
        public long received;

        @Setup(Level.Iteration)
        public void reset() {
            received = 0; // JMH leaves resetting aux counters to the benchmark
        }
    }

    /**
     * What the consumer does with each record: keeps the value (so that a decoded value escapes and is
     * really allocated, as it is for a downstream operator) and adds up the timestamps.
     */
    @State(Scope.Thread)
    public static class Sink implements ElementHandler {
        long checksum;
        Object last;

        @Override
        public void onRecord(Object value, long timestamp) {
            last = value;
            checksum += timestamp;
        }

        @Override
        public boolean onControl(ControlEvent event) {
            return true;
        }

        @TearDown(Level.Trial)
        public void keepChecksumAlive() {
            if (checksum == 42) {
                System.out.print("");
            }
        }
    }

    /** The producer's count of records written (including those still in flight when an iteration ends). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Sent {
        public long sent;
        long timestamp;

        @Setup(Level.Iteration)
        public void reset() {
            sent = 0;
        }
    }

    @Benchmark
    @Group("channel")
    @GroupThreads(1)
    public void produce(ChannelState state, Sent sent) {
        ChannelWriter writer = state.writer;
        if (!writer.hasCapacity() && !writer.flush()) {
            Thread.yield(); // back-pressure: the task returns to its scheduler, which idles
            return;
        }
        long t = sent.timestamp;
        int i = 0;
        for (; i < BURST && writer.hasCapacity(); i++) {
            writer.writeRecord(VALUES[i], t + i);
        }
        writer.flush();
        sent.timestamp = t + i;
        sent.sent += i;
    }

    @Benchmark
    @Group("channel")
    @GroupThreads(1)
    public void consume(ChannelState state, Sink sink, Received received) {
        int n = state.reader.poll(sink, BURST);
        if (n == 0) {
            Thread.yield(); // nothing to do: the scheduler idles
        }
        received.received += n;
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void offer(QueueState state, Sent sent) {
        ArrayBlockingQueue<Long> queue = state.queue;
        int i = 0;
        while (i < BURST && queue.offer(VALUES[i])) {
            i++;
        }
        if (i == 0) {
            Thread.yield();
        }
        sent.sent += i;
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void poll(QueueState state, Sink sink, Received received) {
        ArrayBlockingQueue<Long> queue = state.queue;
        int n = 0;
        Long value;
        while (n < BURST && (value = queue.poll()) != null) {
            sink.onRecord(value, value);
            n++;
        }
        if (n == 0) {
            Thread.yield();
        }
        received.received += n;
    }
}
