package io.weir.connectors.chronicle;

import io.weir.api.config.Configuration;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.source.SplitSource;
import io.weir.spi.testing.TestWriterContext;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.junit.jupiter.api.Nested;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The connector test kit against the chronicle source, bounded, over five queues (one split each) of uneven
 * size that the test fills before the job. Most records are appended outside transactions; one queue also
 * holds a sink transaction that was committed and one that was aborted (its writer closed without
 * pre-commit). Two variants:
 * <ul>
 *   <li>{@link ReadCommitted}, built in code: the aborted transaction's records must not appear;</li>
 *   <li>{@link ReadUncommittedFromConfiguration}, built as a user configures it ({@code source = chronicle,
 *       format = codec, record-class = ..., bounded = true, read-committed = false}): every record written,
 *       the aborted ones included.</li>
 * </ul>
 */
class ChronicleSourceKitTest {
    /** A record of the test: derived codec. */
    record Event(int queue, long sequence, String text) {
    }

    private static final int[] SIZES = {1_300, 900, 500, 299, 1};
    private static final int COMMITTED = 300;
    private static final int ABORTED = 40;
    /** The queue of the aborted transaction's records. */
    private static final int ABORTED_QUEUE = -1;
    private static final RecordFormat<Event> FORMAT = RecordFormat.derived(Event.class);

    private static List<Path> queues(ConnectorTestContext context) throws Exception {
        List<Path> queues = new ArrayList<>();
        for (int q = 0; q < SIZES.length; q++) {
            Path path = context.directory().resolve("queue-" + q);
            if (!Files.exists(path)) {
                fill(path, q);
            }
            queues.add(path);
        }
        return queues;
    }

    private static List<Event> events(int queue, long from, long to) {
        return IntStream.range((int) from, (int) to).mapToObj(s -> new Event(queue, s, "event " + s + " of queue " + queue))
                .toList();
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
        try (PrecommittingSinkWriter<Event, ChronicleCommittable> writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             Committer<ChronicleCommittable> committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            for (Event e : events(q, plain, plain + COMMITTED)) {
                writer.write(e, Long.MIN_VALUE);
            }
            committer.commit(new ArrayList<>(writer.prepareCommit(1)));
            for (Event e : events(ABORTED_QUEUE, 0, ABORTED)) {
                writer.write(e, Long.MIN_VALUE); // closed without pre-commit: aborted
            }
        }
        ChronicleRecords.append(path, FORMAT, events(q, plain + COMMITTED, SIZES[q]));
    }

    private static List<Event> committedEvents() {
        List<Event> all = new ArrayList<>();
        for (int q = 0; q < SIZES.length; q++) {
            all.addAll(events(q, 0, SIZES[q]));
        }
        return all;
    }

    /** What both variants share: Chronicle's JVM-wide threads may stay, no queue file may stay open. */
    abstract static class Variant extends SourceTestSuite<Event> {
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

    /** Bounded, read-committed (the default), built with {@link ChronicleSource#builder}. */
    @Nested
    class ReadCommitted extends Variant {
        @Override
        protected SplitSource<Event, ?> createSource(ConnectorTestContext context) throws Exception {
            ChronicleSource.Builder<Event> builder = ChronicleSource.builder(FORMAT).bounded();
            queues(context).forEach(builder::queue);
            return builder.build();
        }

        @Override
        protected List<Event> expectedRecords(ConnectorTestContext context) {
            return committedEvents();
        }
    }

    /** Bounded, read-uncommitted, from configuration with {@code format = codec}: the aborted records too. */
    @Nested
    class ReadUncommittedFromConfiguration extends Variant {
        @Override
        @SuppressWarnings("unchecked")
        protected SplitSource<Event, ?> createSource(ConnectorTestContext context) throws Exception {
            String paths = queues(context).stream().map(Path::toString).collect(Collectors.joining(","));
            return (SplitSource<Event, ?>) new ChronicleSourceFactory().validateAndCreate(Configuration.fromMap(Map.of(
                    "source", "chronicle", "path", paths, "format", "codec", "record-class", Event.class.getName(),
                    "bounded", "true", "read-committed", "false")));
        }

        @Override
        protected List<Event> expectedRecords(ConnectorTestContext context) {
            List<Event> all = new ArrayList<>(committedEvents());
            all.addAll(events(ABORTED_QUEUE, 0, ABORTED));
            return all;
        }
    }
}
