package io.weir.connectors.chronicle;

import io.weir.api.codec.Codecs;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestEnumeratorContext;
import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;
import io.weir.spi.testing.TestWriterContext;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChronicleSourceTest {
    @TempDir
    Path dir;

    private static List<String> range(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    private static ChronicleSource.Builder<String> strings() {
        return ChronicleSource.builder(RecordFormat.strings());
    }

    @Test
    void shouldResumeExactlyAtTheCheckpointedIndexWithoutDuplicateOrGap() throws Exception {
        ChronicleRecords.append(dir, RecordFormat.strings(), range("r", 0, 1000));
        ChronicleSource<String> source = strings().queue(dir).bounded().build();
        List<String> seen = new ArrayList<>();
        List<QueueSplit> state = source.initialSplits();
        // read in many short attempts: each reads some records, snapshots, "fails" and restarts from the snapshot
        for (int attempt = 0; attempt < 100 && !state.isEmpty(); attempt++) {
            try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
                reader.addSplits(state);
                reader.notifyNoMoreSplits();
                TestSourceOutput<String> out = new TestSourceOutput<>();
                reader.pollNext(out);
                state = reader.snapshotState(attempt);
                reader.pollNext(out); // read past the checkpoint: lost with the failure
                seen.addAll(out.records().subList(0, Math.min(out.records().size(), QueueReader.BATCH)));
                state = state.stream().filter(s -> !s.isFinished()).toList();
            }
        }
        assertThat(seen).containsExactlyElementsOf(range("r", 0, 1000));
    }

    @Test
    void shouldResumeAcrossRollCyclesAndReadAQueueThatRolled() throws Exception {
        SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleSink<String> sink = ChronicleSink.builder(dir, RecordFormat.strings())
                .rollCycle(TestRollCycles.TEST_SECONDLY).customizer(b -> b.timeProvider(clock)).build();
        List<String> expected = new ArrayList<>();
        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            for (int cycle = 0; cycle < 5; cycle++) {
                for (int i = 0; i < 3; i++) {
                    String r = "c" + cycle + "-" + i;
                    writer.write(r, Long.MIN_VALUE);
                    expected.add(r);
                }
                committer.commit(writer.prepareCommit(cycle + 1));
                clock.advanceMillis(1000);
            }
        }
        ChronicleSource<String> source = strings().queue(dir).bounded().build();
        List<String> seen = new ArrayList<>();
        List<QueueSplit> state = source.initialSplits();
        for (int attempts = 0; attempts < 200 && !state.isEmpty(); attempts++) {
            try (QueueReader<String> reader = (QueueReader<String>) source.createReader(new TestReaderContext(0, 1))) {
                reader.addSplits(state);
                TestSourceOutput<String> out = new TestSourceOutput<>();
                // until the delivery consumed one document: snapshots land on every kind of document and at
                // every cycle's end
                SplitCursor cursor = reader.cursors().getFirst();
                Payloads<String> payloads = new Payloads<>(RecordFormat.strings());
                for (int polls = 0; polls < 100 && cursor.snapshot().equals(state.getFirst()); polls++) {
                    cursor.poll(out, payloads, 1);
                }
                seen.addAll(out.records());
                state = reader.snapshotState(1).stream().filter(s -> !s.isFinished()).toList();
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(Drive.readAll(source, 1).getFirst().records()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReadToTheEndPresentAtStartEvenAfterARestore() throws Exception {
        ChronicleRecords.append(dir, RecordFormat.strings(), range("a", 0, 10));
        ChronicleSource<String> source = strings().queue(dir).bounded().build();
        List<QueueSplit> splits = source.initialSplits();
        ChronicleRecords.append(dir, RecordFormat.strings(), range("late", 0, 5));

        assertThat(source.boundedness()).isEqualTo(Boundedness.BOUNDED);
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(splits);
            reader.notifyNoMoreSplits();
            TestSourceOutput<String> out = new TestSourceOutput<>();
            assertThat(Drive.drain(reader, out)).isEqualTo(ReadStatus.END_OF_INPUT);
            assertThat(out.records()).containsExactlyElementsOf(range("a", 0, 10));
            assertThat(reader.snapshotState(1)).isEmpty();
        }
    }

    @Test
    void shouldFinishAtOnceOnAnEmptyQueueWhenBoundedAndRefuseAMissingOne() throws Exception {
        try (var q = Queues.open(dir, null, b -> b)) {
            assertThat(q.lastIndex()).isNegative();
        }
        assertThat(Drive.readAll(strings().queue(dir).bounded().build(), 1).getFirst().records()).isEmpty();
        assertThatThrownBy(() -> strings().queue(dir.resolve("missing")).bounded().build().initialSplits())
                .hasMessageContaining("missing")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldTailAQueueAsItGrowsAndNeverEnd() throws Exception {
        ChronicleSource<String> source = strings().queue(dir).build();
        assertThat(source.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(source.initialSplits());
            TestSourceOutput<String> out = new TestSourceOutput<>();
            assertThat(Drive.drain(reader, out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
            ChronicleRecords.append(dir, RecordFormat.strings(), List.of("x", "y"));
            assertThat(Drive.drain(reader, out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
            ChronicleRecords.append(dir, RecordFormat.strings(), List.of("z"));
            Drive.drain(reader, out);
            assertThat(out.records()).containsExactly("x", "y", "z");
        }
    }

    @Test
    void shouldStartAfterTheLatestDocumentWhenAsked() throws Exception {
        ChronicleRecords.append(dir, RecordFormat.strings(), List.of("old"));
        ChronicleSource<String> source = strings().queue(dir).startFromLatest().build();
        List<QueueSplit> splits = source.initialSplits();
        ChronicleRecords.append(dir, RecordFormat.strings(), List.of("new"));
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(splits);
            TestSourceOutput<String> out = new TestSourceOutput<>();
            Drive.drain(reader, out);
            assertThat(out.records()).containsExactly("new");
        }
    }

    @Test
    void shouldReadEachOfSeveralQueuesInOneSplitAcrossReaders() throws Exception {
        List<Path> queues = List.of(dir.resolve("q0"), dir.resolve("q1"), dir.resolve("q2"));
        ChronicleSource.Builder<String> builder = strings().bounded();
        for (int q = 0; q < queues.size(); q++) {
            ChronicleRecords.append(queues.get(q), RecordFormat.strings(), range("q" + q + "-", 0, 200));
            builder.queue(queues.get(q));
        }
        ChronicleSource<String> source = builder.build();
        List<TestSourceOutput<String>> outputs = Drive.readAll(source, 2);

        assertThat(outputs.get(0).records()).containsExactlyInAnyOrderElementsOf(
                concat(range("q0-", 0, 200), range("q2-", 0, 200)));
        assertThat(outputs.get(0).records().stream().filter(r -> r.startsWith("q2-")).toList())
                .containsExactlyElementsOf(range("q2-", 0, 200));
        assertThat(outputs.get(1).records()).containsExactlyElementsOf(range("q1-", 0, 200));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void shouldAssignSplitsByOrdinalAndSignalTheEndOnlyWhenBounded() throws Exception {
        for (String q : List.of("a", "b", "c")) {
            ChronicleRecords.append(dir.resolve(q), RecordFormat.strings(), List.of(q));
        }
        for (boolean bounded : List.of(true, false)) {
            ChronicleSource.Builder<String> b = strings().queue(dir.resolve("a")).queue(dir.resolve("b"))
                    .queue(dir.resolve("c"));
            ChronicleSource<String> source = bounded ? b.bounded().build() : b.build();
            TestEnumeratorContext<QueueSplit> context = new TestEnumeratorContext<QueueSplit>(2);
            try (SplitEnumerator<QueueSplit> enumerator = source.createEnumerator(context)) {
                enumerator.start();
                enumerator.handleSplitRequest(1);
                assertThat(enumerator.snapshotState(1)).extracting(QueueSplit::ordinal).containsExactly(0, 2);
                enumerator.handleSplitRequest(0);
                assertThat(enumerator.snapshotState(2)).isEmpty();
            }
            assertThat(context.assigned(0)).extracting(QueueSplit::ordinal).containsExactly(0, 2);
            assertThat(context.assigned(1)).extracting(QueueSplit::ordinal).containsExactly(1);
            assertThat(context.noMoreSplits()).isEqualTo(bounded ? List.of(1, 0) : List.of());
        }
    }

    @Test
    void shouldStoreSplitsInCheckpointsAndRefuseAnotherFormatVersion() {
        QueueSplit split = new QueueSplit(3, "/data/q", 0x1234_0000_0005L, QueueSplit.UNBOUNDED);
        byte[] bytes = Codecs.toBytes(QueueSplit.CODEC, split);

        assertThat(Codecs.fromBytes(QueueSplit.CODEC, bytes)).isEqualTo(split);
        assertThat(split.splitId()).isEqualTo("chronicle-3");
        bytes[0] = 7;
        assertThatThrownBy(() -> Codecs.fromBytes(QueueSplit.CODEC, bytes)).hasMessageContaining("format version 7");
    }

    @Test
    void shouldNameTheQueueWhenTheCheckpointedIndexIsGone() throws Exception {
        ChronicleRecords.append(dir, RecordFormat.strings(), List.of("a"));
        ChronicleSource<String> source = strings().queue(dir).build();
        QueueSplit bogus = new QueueSplit(0, dir.toString(), 0x7fff_0000_0000L, QueueSplit.UNBOUNDED);
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            assertThatThrownBy(() -> reader.addSplits(List.of(bogus)))
                    .hasMessageContaining("cannot resume chronicle-0 of queue " + dir)
                    .hasMessageContaining("0x7fff00000000");
        }
    }

    @Test
    void shouldRefuseASourceWithoutQueueOrWithAQueueTwice() {
        assertThatThrownBy(() -> strings().build()).hasMessageContaining("no queue");
        assertThatThrownBy(() -> strings().queue(dir).queue(dir)).hasMessageContaining("listed twice");
    }
}
