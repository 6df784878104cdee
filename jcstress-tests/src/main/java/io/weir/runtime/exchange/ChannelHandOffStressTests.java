package io.weir.runtime.exchange;

import io.weir.api.config.ExchangeMode;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * jcstress tests of batch publication in both channel kinds: a batch becomes visible to the consumer
 * whole (never a prefix, never stale contents), a recycled batch or buffer is refilled only after the
 * consumer is done with it, and {@link Channel#size()} read from a third-party thread sees a
 * published batch whole.
 *
 * <h2>Thread safety</h2>
 * Each {@code @State} object is raced by its actors on purpose; that is what is under test.
 */
public final class ChannelHandOffStressTests {

    private ChannelHandOffStressTests() {
    }

    static final ChannelSettings SETTINGS = new ChannelSettings(4, 4, 64);

    static Channel channel(ExchangeMode mode) {
        return Channels.create(mode, ChannelStressSupport.LONGS, SETTINGS, "jcstress-" + mode);
    }

    /*
     * Publication: the producer writes records 1 and 2 and flushes; the consumer polls once; the
     * arbiter delivers whatever the consumer did not see. r1 = elements the consumer's poll delivered,
     * r2 = digest of everything delivered (12 = records 1 and 2, in order, with their timestamps).
     */

    /** Publication, producer: records 1 and 2, then flush. */
    static void writeOneAndTwo(Channel channel) {
        channel.writer().writeRecord(1L, 10);
        channel.writer().writeRecord(2L, 20);
        channel.writer().flush();
    }

    @JCStressTest
    @Description("Object channel: a flushed batch of two records is seen whole or not at all.")
    @Outcome(id = "0, 12", expect = Expect.ACCEPTABLE, desc = "The batch was not published yet when the consumer polled.")
    @Outcome(id = "2, 12", expect = Expect.ACCEPTABLE, desc = "The consumer got both records, in order, with their timestamps.")
    @Outcome(id = "1, .*", expect = Expect.FORBIDDEN, desc = "Half a batch: the size was visible before the batch was whole.")
    @Outcome(id = "0, 0", expect = Expect.FORBIDDEN, desc = "Lost batch: taken by the consumer before its size was set.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Wrong values or timestamps: the batch's arrays were seen stale.")
    @State
    public static class ObjectPublication {
        final Channel channel = channel(ExchangeMode.OBJECT);
        final ChannelStressSupport.Digest digest = new ChannelStressSupport.Digest();

        @Actor
        public void producer() {
            writeOneAndTwo(channel);
        }

        @Actor
        public void consumer(JJ_Result r) {
            r.r1 = channel.reader().poll(digest, 100);
        }

        @Arbiter
        public void arbiter(JJ_Result r) {
            r.r2 = digest.drain(channel.reader()).digits;
        }
    }

    @JCStressTest
    @Description("Serialized channel: a flushed buffer of two records is seen whole or not at all.")
    @Outcome(id = "0, 12", expect = Expect.ACCEPTABLE, desc = "The buffer was not published yet when the consumer polled.")
    @Outcome(id = "2, 12", expect = Expect.ACCEPTABLE, desc = "The consumer got both records, in order, with their timestamps.")
    @Outcome(id = "1, .*", expect = Expect.FORBIDDEN, desc = "Half a buffer: the ring message was visible before the bytes.")
    @Outcome(id = "0, 0", expect = Expect.FORBIDDEN, desc = "Lost buffer.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Wrong values or timestamps: the buffer's bytes were seen stale.")
    @State
    public static class SerializedPublication {
        final Channel channel = channel(ExchangeMode.SERIALIZED);
        final ChannelStressSupport.Digest digest = new ChannelStressSupport.Digest();

        @Actor
        public void producer() {
            writeOneAndTwo(channel);
        }

        @Actor
        public void consumer(JJ_Result r) {
            r.r1 = channel.reader().poll(digest, 100);
        }

        @Arbiter
        public void arbiter(JJ_Result r) {
            r.r2 = digest.drain(channel.reader()).digits;
            channel.close(); // frees the off-heap buffers of this state
        }
    }

    /*
     * Recycling: record 1 is published before the race. The consumer delivers it, which returns its
     * batch or buffer to the producer; meanwhile the producer publishes record 2, takes a batch or
     * buffer (possibly that one) and publishes record 3 in it. The arbiter delivers the rest.
     */

    static Channel withRecordOnePublished(ExchangeMode mode) {
        Channel channel = channel(mode);
        channel.writer().writeRecord(1L, 10);
        channel.writer().flush();
        return channel;
    }

    /** Recycling, producer: record 2, flush (takes a new or recycled batch), record 3, flush. */
    static void writeTwoThenThree(Channel channel) {
        channel.writer().writeRecord(2L, 20);
        channel.writer().flush();
        channel.writer().writeRecord(3L, 30);
        channel.writer().flush();
    }

    @JCStressTest
    @Description("Object channel: a batch returned through the recycle queue is refilled only after the"
            + " consumer cleared it; every record arrives once, in order.")
    @Outcome(id = "1, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got record 1 only; the arbiter got 2 and 3.")
    @Outcome(id = "2, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got records 1 and 2; the arbiter got 3.")
    @Outcome(id = "3, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got all three records.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Lost, duplicated, reordered or corrupted records: recycling raced.")
    @State
    public static class ObjectRecycling {
        final Channel channel = withRecordOnePublished(ExchangeMode.OBJECT);
        final ChannelStressSupport.Digest digest = new ChannelStressSupport.Digest();

        @Actor
        public void consumer(JJ_Result r) {
            channel.reader().poll(digest, 100);
            r.r1 = digest.count;
        }

        @Actor
        public void producer() {
            writeTwoThenThree(channel);
        }

        @Arbiter
        public void arbiter(JJ_Result r) {
            r.r2 = digest.drain(channel.reader()).digits;
        }
    }

    @JCStressTest
    @Description("Serialized channel: a buffer returned to the pool is refilled only after the consumer"
            + " decoded it; every record arrives once, in order.")
    @Outcome(id = "1, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got record 1 only; the arbiter got 2 and 3.")
    @Outcome(id = "2, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got records 1 and 2; the arbiter got 3.")
    @Outcome(id = "3, 123", expect = Expect.ACCEPTABLE, desc = "Consumer got all three records.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "Lost, duplicated, reordered or corrupted records: the pool hand-off raced.")
    @State
    public static class SerializedRecycling {
        final Channel channel = withRecordOnePublished(ExchangeMode.SERIALIZED);
        final ChannelStressSupport.Digest digest = new ChannelStressSupport.Digest();

        @Actor
        public void consumer(JJ_Result r) {
            channel.reader().poll(digest, 100);
            r.r1 = digest.count;
        }

        @Actor
        public void producer() {
            writeTwoThenThree(channel);
        }

        @Arbiter
        public void arbiter(JJ_Result r) {
            r.r2 = digest.drain(channel.reader()).digits;
            channel.close();
        }
    }

    @JCStressTest
    @Description("Object channel: size() read by a metrics thread sees a published batch of three whole.")
    @Outcome(id = "0", expect = Expect.ACCEPTABLE, desc = "Nothing published yet.")
    @Outcome(id = "3", expect = Expect.ACCEPTABLE, desc = "The batch of three is published.")
    @Outcome(expect = Expect.FORBIDDEN, desc = "A negative or partial count.")
    @State
    public static class SizeFromAnotherThread {
        final Channel channel = channel(ExchangeMode.OBJECT);

        @Actor
        public void producer() {
            channel.writer().writeRecord(1L, 10);
            channel.writer().writeRecord(2L, 20);
            channel.writer().writeRecord(3L, 30);
            channel.writer().flush();
        }

        @Actor
        public void metrics(J_Result r) {
            r.r1 = channel.size();
        }
    }
}
