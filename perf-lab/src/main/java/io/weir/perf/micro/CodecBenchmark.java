package io.weir.perf.micro;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Encoding plus decoding of one value (one op = one round trip into a reused buffer and back), through Weir's
 * codecs ({@link CodecRegistry}, {@link ByteArrayCodecOutput}, {@link ByteArrayCodecInput}) and through JDK
 * baselines:
 * <ul>
 *   <li>records, a Nexmark-like {@link Bid} (four {@code long}s, two {@code String}s):
 *       {@code recordWeir} uses the codec the registry derives for the record; {@code recordDataStream} is
 *       the hand-written JDK equivalent, {@link DataOutputStream}/{@link DataInputStream} over reused byte-array
 *       streams ({@code writeLong}, {@code writeUTF}: what one would write by hand without a framework);
 *       {@code recordJavaSerialization} is {@link ObjectOutputStream}/{@link ObjectInputStream}, the JDK's
 *       generic (reflective, self-describing) serialization, with a stream pair per op as it is used;</li>
 *   <li>strings ({@code text=ascii|non-ascii}, about 45 characters): {@code stringWeir} is the registry's
 *       {@code String} codec; {@code stringJdk} is {@code String.getBytes(UTF_8)} and
 *       {@code new String(bytes, UTF_8)}, the JDK's intrinsic-backed UTF-8 path (which allocates the array
 *       that Weir writes into its reused buffer instead).</li>
 * </ul>
 *
 * <pre>
 *   java -jar perf-lab/target/benchmarks.jar CodecBenchmark -f 1 -wi 2 -i 3 -r 2s -w 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CodecBenchmark {

    /**
     * A Nexmark-like bid.
     *
     * @param auction  the auction's id
     * @param bidder   the bidder's id
     * @param price    the price in cents
     * @param channel  the channel the bid came through
     * @param url      the bid's URL
     * @param dateTime the bid's event time, epoch milliseconds
     */
    public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime)
            implements Serializable {
    }

    /** The bid that every record benchmark round-trips. */
    static final Bid BID = new Bid(1_000_123L, 42_017L, 3_561L, "Google",
            "https://www.nexmark.com/xkq/auction/item.htm?query=1&channel_id=180879", 1_763_780_000_000L);

    private final ByteArrayCodecOutput out = new ByteArrayCodecOutput(256);
    private final ByteArrayCodecInput in = new ByteArrayCodecInput();
    private final ExposedOutputStream bytesOut = new ExposedOutputStream();
    private final DataOutputStream dataOut = new DataOutputStream(bytesOut);
    private final ResettableInputStream bytesIn = new ResettableInputStream();
    private final DataInputStream dataIn = new DataInputStream(bytesIn);
    private Codec<Bid> bidCodec;
    private Codec<String> stringCodec;

    @Setup(Level.Trial)
    public void setUp() {
        CodecRegistry registry = new CodecRegistry();
        bidCodec = registry.codecFor(Bid.class);
        stringCodec = registry.codecFor(String.class);
    }

    /** The text of the string benchmarks. */
    @State(Scope.Thread)
    public static class Text {
        @Param({"ascii", "non-ascii"})
        public String text;

        String value;

        @Setup(Level.Trial)
        public void setUp() {
            value = switch (text) {
                case "ascii" -> "https://www.nexmark.com/xkq/auction/item.htm?q=1";
                case "non-ascii" -> "Grüße aus Zürich, 東京の入札 № 42, ставка ✓ €3,56";
                default -> throw new IllegalArgumentException("text must be ascii or non-ascii, got " + text);
            };
        }
    }

    @Benchmark
    public Bid recordWeir() {
        return roundTrip(bidCodec, BID);
    }

    @Benchmark
    public Bid recordDataStream() throws IOException {
        bytesOut.reset();
        dataOut.writeLong(BID.auction());
        dataOut.writeLong(BID.bidder());
        dataOut.writeLong(BID.price());
        dataOut.writeUTF(BID.channel());
        dataOut.writeUTF(BID.url());
        dataOut.writeLong(BID.dateTime());
        bytesIn.reset(bytesOut.buffer(), bytesOut.size());
        return new Bid(dataIn.readLong(), dataIn.readLong(), dataIn.readLong(), dataIn.readUTF(), dataIn.readUTF(),
                dataIn.readLong());
    }

    @Benchmark
    public Object recordJavaSerialization() throws IOException, ClassNotFoundException {
        bytesOut.reset();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytesOut)) {
            objects.writeObject(BID);
        }
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytesOut.buffer(), 0, bytesOut.size()))) {
            return objects.readObject();
        }
    }

    @Benchmark
    public String stringWeir(Text text) {
        return roundTrip(stringCodec, text.value);
    }

    @Benchmark
    public String stringJdk(Text text) {
        byte[] bytes = text.value.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Encodes {@code value} into the reused output and decodes it again; package-private for the smoke test. */
    <T> T roundTrip(Codec<T> codec, T value) {
        out.reset();
        codec.encode(value, out);
        in.reset(out.array(), 0, out.size());
        return codec.decode(in);
    }

    /** A {@link ByteArrayOutputStream} whose buffer is read in place. */
    static final class ExposedOutputStream extends ByteArrayOutputStream {
        byte[] buffer() {
            return buf;
        }
    }

    /** A {@link ByteArrayInputStream} pointed at new content without a new stream. */
    static final class ResettableInputStream extends ByteArrayInputStream {
        ResettableInputStream() {
            super(new byte[0]);
        }

        void reset(byte[] bytes, int length) {
            buf = bytes;
            pos = 0;
            count = length;
            mark = 0;
        }
    }
}
