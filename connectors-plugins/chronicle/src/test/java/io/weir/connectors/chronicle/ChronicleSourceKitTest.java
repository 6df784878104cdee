package io.weir.connectors.chronicle;

import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The connector test kit against the chronicle source: bounded, read-committed, over five queues (one split
 * each) of uneven size that the test fills before the job. Most records are appended outside transactions;
 * one queue also holds a sink transaction that was committed and one that was aborted (its writer closed
 * without pre-commit), whose records a read-committed reader must not emit.
 */
class ChronicleSourceKitTest extends SourceTestSuite<ChronicleSourceKitTest.Event> {
    /** A record of the test: derived codec. */
    record Event(int queue, long sequence, String text) {
    }

    private static final int[] SIZES = {1_300, 900, 500, 299, 1};
    private static final int COMMITTED = 300;
    private static final int ABORTED = 40;
    private static final RecordFormat<Event> FORMAT = RecordFormat.derived(Event.class);

    private static Path queue(ConnectorTestContext context, int i) {
        return context.directory().resolve("queue-" + i);
    }

    private static List<Event> events(int queue, long from, long to) {
        return IntStream.range((int) from, (int) to).mapToObj(s -> new Event(queue, s, "event " + s + " of queue " + queue))
                .toList();
    }

    @Override
    protected SplitSource<Event, ?> createSource(ConnectorTestContext context) throws Exception {
        ChronicleSource.Builder<Event> builder = ChronicleSource.builder(FORMAT).bounded();
        for (int q = 0; q < SIZES.length; q++) {
            Path path = queue(context, q);
            if (!Files.exists(path)) {
                fill(path, q);
            }
            builder.queue(path);
        }
        return builder.build();
    }

    private static void fill(Path path, int q) throws Exception {
        if (q != 1) {
            ChronicleRecords.append(path, FORMAT, events(q, 0, SIZES[q]));
            return;
        }
        // queue 1: plain records, a committed transaction, an aborted one, plain records again
        int plain = (SIZES[q] - COMMITTED) / 2;
        ChronicleRecords.append(path, FORMAT, events(q, 0, plain));
        ChronicleSink<Event> sink = ChronicleSink.builder(path, FORMAT).sinkId("filler").sync(false).build();
        try (PrecommittingSinkWriter<Event, ChronicleCommittable> writer = sink.createWriter(TestContexts.Writer.fresh(0, 1));
             Committer<ChronicleCommittable> committer = sink.createCommitter(TestContexts.Writer.fresh(0, 1))) {
            for (Event e : events(q, plain, plain + COMMITTED)) {
                writer.write(e, Long.MIN_VALUE);
            }
            committer.commit(new ArrayList<>(writer.prepareCommit(1)));
            for (Event e : events(-1, 0, ABORTED)) {
                writer.write(e, Long.MIN_VALUE); // closed without pre-commit: aborted
            }
        }
        ChronicleRecords.append(path, FORMAT, events(q, plain + COMMITTED, SIZES[q]));
    }

    @Override
    protected List<Event> expectedRecords(ConnectorTestContext context) {
        List<Event> all = new ArrayList<>();
        for (int q = 0; q < SIZES.length; q++) {
            all.addAll(events(q, 0, SIZES[q]));
        }
        return all;
    }

    @Override
    protected boolean isAllowedToOutliveTheJob(Thread thread) {
        return ChronicleKit.isChronicleDaemon(thread);
    }

    @Override
    protected void assertResourcesReleased(ConnectorTestContext context) throws Exception {
        BackgroundResourceReleaser.releasePendingResources();
        ChronicleKit.assertNoOpenFilesUnder(context.directory());
    }
}
