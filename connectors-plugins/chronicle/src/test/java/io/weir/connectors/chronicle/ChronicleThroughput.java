package io.weir.connectors.chronicle;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestWriterContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rough throughput harness (not a test, not JMH): writes {@code records} records through an exactly-once
 * {@link ChronicleSink} writer with a pre-commit and commit every {@code perTxn} records, then reads them back
 * with a bounded read-committed {@link ChronicleSource} reader, several runs, printing records per second.
 *
 * <pre>java @weir-jvm-flags -cp ... io.weir.connectors.chronicle.ChronicleThroughput [records] [perTxn] [runs] [dir]</pre>
 */
public final class ChronicleThroughput {
    /** A small record, as a job would write: derived codec, 8 + 8 + 1 + ~6 bytes. */
    public record Bid(long auction, long price, String bidder) {
    }

    private ChronicleThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int perTxn = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path base = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("chronicle-throughput");
        RecordFormat<Bid> format = RecordFormat.derived(Bid.class);
        Bid[] bids = new Bid[1024];
        for (int i = 0; i < bids.length; i++) {
            bids[i] = new Bid(i, 100 + i, "bidder" + (i % 100));
        }
        for (int run = 0; run < runs; run++) {
            Path dir = base.resolve("run" + run);
            for (boolean sync : List.of(true, false)) {
                Path q = dir.resolve(sync ? "sync" : "nosync");
                ChronicleSink<Bid> sink = ChronicleSink.builder(q, format).sync(sync).build();
                long t0 = System.nanoTime();
                try (var w = sink.createWriter(TestWriterContext.fresh(0, 1));
                     var c = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
                    for (int i = 0; i < records; i++) {
                        w.write(bids[i & 1023], i);
                        if ((i + 1) % perTxn == 0) {
                            c.commit(w.prepareCommit(i / perTxn + 1));
                        }
                    }
                    c.commit(w.prepareCommit(Long.MAX_VALUE));
                }
                long t1 = System.nanoTime();
                long[] count = {0};
                SourceOutput<Bid> out = new SourceOutput<>() {
                    @Override
                    public void collect(Bid record) {
                        count[0]++;
                    }

                    @Override
                    public void collect(Bid record, long timestamp) {
                        count[0]++;
                    }
                };
                ChronicleSource<Bid> source = ChronicleSource.builder(format).queue(q).bounded().build();
                try (var reader = source.createReader(new TestReaderContext(0, 1))) {
                    reader.addSplits(source.initialSplits());
                    reader.notifyNoMoreSplits();
                    while (reader.pollNext(out) != ReadStatus.END_OF_INPUT) {
                        // read to the end
                    }
                }
                long t2 = System.nanoTime();
                if (count[0] != records) {
                    throw new IllegalStateException("read " + count[0] + " of " + records);
                }
                System.out.printf("run %d sync=%s: write %.2f M records/s (%d ms), read-committed %.2f M records/s (%d ms), %d MB%n",
                        run, sync, records / ((t1 - t0) / 1e3), (t1 - t0) / 1_000_000, records / ((t2 - t1) / 1e3),
                        (t2 - t1) / 1_000_000, size(q) >> 20);
            }
            delete(dir);
        }
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
