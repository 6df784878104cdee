package io.weir.connectors.chronicle;

import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exactly-once protocol of {@link ChronicleSink} against read-committed reads, driven by hand in the order
 * the runtime's two-phase-commit operator uses: write, prepareCommit at the barrier, commit after the
 * checkpoint; after a restore, commit the restored committables, then abortLeftovers.
 */
class ExactlyOnceProtocolTest {
    @TempDir
    Path dir;

    private ChronicleSink<String> sink() {
        return ChronicleSink.builder(dir, RecordFormat.strings()).sinkId("job").build();
    }

    private static void write(PrecommittingSinkWriter<String, ChronicleCommittable> writer, String... records)
            throws Exception {
        for (String r : records) {
            writer.write(r, Long.MIN_VALUE);
        }
    }

    private List<String> committed() {
        return ChronicleRecords.readCommitted(dir, RecordFormat.strings());
    }

    /** A tailing read-committed read: waits at open transactions, so leftovers must have been aborted. */
    private List<String> tailed() throws Exception {
        return Drive.tailCommitted(dir);
    }

    private List<String> everything() {
        return ChronicleRecords.readUncommitted(dir, RecordFormat.strings());
    }

    @Test
    void shouldHideATransactionUntilItIsCommitted() throws Exception {
        ChronicleSink<String> sink = sink();
        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            write(writer, "a", "b");
            assertThat(committed()).as("open transaction").isEmpty();
            List<ChronicleCommittable> first = writer.prepareCommit(1);
            assertThat(committed()).as("pre-committed, not committed").isEmpty();
            write(writer, "c");
            assertThat(everything()).containsExactly("a", "b", "c");

            committer.commit(first);
            assertThat(committed()).containsExactly("a", "b");
            committer.commit(writer.prepareCommit(2));
            assertThat(committed()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void shouldNotPreCommitAnEmptyTransaction() throws Exception {
        try (var writer = sink().createWriter(TestWriterContext.fresh(0, 1))) {
            assertThat(writer.prepareCommit(1)).isEmpty();
            write(writer, "a");
            assertThat(writer.prepareCommit(2)).singleElement()
                    .satisfies(c -> assertThat(c.checkpoint()).isEqualTo(2))
                    .satisfies(c -> assertThat(c.txn()).isZero());
        }
    }

    @Test
    void shouldCommitIdempotently() throws Exception {
        ChronicleSink<String> sink = sink();
        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            write(writer, "a", "b");
            List<ChronicleCommittable> c = writer.prepareCommit(1);
            committer.commit(c);
            committer.commit(c);
            write(writer, "c");
            committer.commit(writer.prepareCommit(2));
            committer.commit(c);
        }
        try (Committer<ChronicleCommittable> retry = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            retry.commit(List.of(new ChronicleCommittable(dir.toString(), ChronicleSink.hash("job"), 0,
                    firstIncarnation(), 0, 1)));
        }
        assertThat(committed()).containsExactly("a", "b", "c");
    }

    private long firstIncarnation() {
        // the first document of the queue is the writer's FENCE: its index is the incarnation
        try (var q = Queues.openExisting(dir, "test"); var tailer = q.createTailer()) {
            try (var dc = tailer.readingDocument()) {
                return dc.index();
            }
        }
    }

    @Test
    void shouldAbortTheOpenTransactionWhenTheWriterClosesWithoutPreCommit() throws Exception {
        try (var writer = sink().createWriter(TestWriterContext.fresh(0, 1))) {
            write(writer, "lost");
        }
        assertThat(committed()).isEmpty();
        assertThat(Documents.kinds(dir)).endsWith(DocumentDescriptor.ABORT);
    }

    @Test
    void shouldRecoverACrashBetweenPreCommitAndCommit() throws Exception {
        ChronicleSink<String> sink = sink();
        List<ChronicleCommittable> pending;
        var crashed = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(crashed, "a", "b");
        pending = crashed.prepareCommit(1); // checkpoint 1 completes, but the job dies before the commit
        write(crashed, "c");
        List<ChronicleCommittable> neverCompleted = crashed.prepareCommit(2);
        assertThat(neverCompleted).hasSize(1);
        // the JVM dies: no close, no ABORT
        assertThat(committed()).isEmpty();

        // restore from checkpoint 1: commit its committables, then abort leftovers, then replay "c"
        try (var writer = sink.createWriter(TestWriterContext.restored(0, 1, 1));
             var committer = sink.createCommitter(TestWriterContext.restored(0, 1, 1))) {
            committer.commit(pending);
            writer.abortLeftovers(pending);
            write(writer, "c", "d");
            committer.commit(writer.prepareCommit(3));
        }
        assertThat(committed()).containsExactly("a", "b", "c", "d");
        assertThat(tailed()).containsExactly("a", "b", "c", "d");
        assertThat(everything()).containsExactly("a", "b", "c", "c", "d");
        crashed.close();
    }

    @Test
    void shouldKeepTransactionsOfTheRestoredCheckpointOpenForTheirLateCommitAfterTheFence() throws Exception {
        ChronicleSink<String> sink = sink();
        var crashed = sink.createWriter(TestWriterContext.fresh(0, 2));
        write(crashed, "a");
        List<ChronicleCommittable> pending = crashed.prepareCommit(1);

        // the new writer fences before anyone commits checkpoint 1 (as with rescaling: another subtask commits)
        try (var writer = sink.createWriter(TestWriterContext.restored(0, 2, 1))) {
            writer.abortLeftovers(List.of());
            write(writer, "b");
            List<ChronicleCommittable> next = writer.prepareCommit(2);
            try (var other = sink.createCommitter(TestWriterContext.restored(1, 2, 1))) {
                other.commit(pending);
                other.commit(next);
            }
        }
        assertThat(committed()).containsExactly("a", "b");
        assertThat(tailed()).containsExactly("a", "b");
        crashed.close();
    }

    @Test
    void shouldAbortEveryUndecidedTransactionOnAFreshStart() throws Exception {
        ChronicleSink<String> sink = sink();
        var crashed = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(crashed, "a");
        crashed.prepareCommit(1); // pre-committed, never committed, and the job is started again from scratch

        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            write(writer, "a2");
            committer.commit(writer.prepareCommit(1));
        }
        assertThat(committed()).containsExactly("a2");
        assertThat(tailed()).containsExactly("a2");
        crashed.close();
    }

    @Test
    void shouldLetSubtaskZeroFenceTheSubtasksThatNoLongerExistAfterScalingDown() throws Exception {
        ChronicleSink<String> sink = sink();
        var gone = sink.createWriter(TestWriterContext.fresh(3, 4));
        write(gone, "from subtask 3");
        gone.prepareCommit(2);
        var stays = sink.createWriter(TestWriterContext.fresh(1, 4));
        write(stays, "from subtask 1");
        stays.prepareCommit(2);

        // restored from checkpoint 1 at parallelism 2: subtask 0 fences 0 and 2..; subtask 1 fences 1
        try (var zero = sink.createWriter(TestWriterContext.restored(0, 2, 1))) {
            zero.abortLeftovers(List.of());
            assertThat(tailed()).as("subtask 1's leftover still holds the tailing read back").isEmpty();
            try (var one = sink.createWriter(TestWriterContext.restored(1, 2, 1))) {
                one.abortLeftovers(List.of());
            }
            write(zero, "new");
            try (var committer = sink.createCommitter(TestWriterContext.restored(0, 2, 1))) {
                committer.commit(zero.prepareCommit(3));
            }
        }
        assertThat(committed()).containsExactly("new");
        assertThat(tailed()).containsExactly("new");
        gone.close();
        stays.close();
    }

    @Test
    void shouldNotFenceAnotherSinkIdsTransactions() throws Exception {
        ChronicleSink<String> other = ChronicleSink.builder(dir, RecordFormat.strings()).sinkId("other").build();
        var otherWriter = other.createWriter(TestWriterContext.fresh(0, 1));
        write(otherWriter, "other's");
        List<ChronicleCommittable> c = otherWriter.prepareCommit(1);
        try (var writer = sink().createWriter(TestWriterContext.fresh(0, 1))) {
            write(writer, "mine");
        }
        try (var committer = other.createCommitter(TestWriterContext.fresh(0, 1))) {
            committer.commit(c);
        }
        otherWriter.close();
        assertThat(committed()).containsExactly("other's");
        assertThat(tailed()).containsExactly("other's");
    }

    @Test
    void shouldTellThatAQueueThatVanishedCannotBeCommitted() throws Exception {
        ChronicleCommittable c = new ChronicleCommittable(dir.resolve("gone").toString(), 1, 0, 0, 0, 1);
        try (var committer = sink().createCommitter(TestWriterContext.fresh(0, 1))) {
            assertThatThrownBy(() -> committer.commit(List.of(c)))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("gone")
                    .hasMessageContaining("queue directory does not exist");
        }
        assertThat(Files.exists(dir.resolve("gone"))).isFalse();
    }

    @Test
    void shouldMakeATailingReadCommittedReaderWaitAtAnOpenTransactionAndResumeAtItsCommit() throws Exception {
        ChronicleSink<String> sink = sink();
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(dir).build();
        ChronicleRecords.append(dir, RecordFormat.strings(), List.of("plain-1"));
        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1));
             SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.start();
            reader.addSplits(source.initialSplits());
            write(writer, "t1", "t2");
            ChronicleRecords.append(dir, RecordFormat.strings(), List.of("plain-2"));
            TestSourceOutput<String> out = new TestSourceOutput<>();

            assertThat(Drive.drain(reader, out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
            assertThat(out.records()).as("waits at t1, so plain-2 waits too").containsExactly("plain-1");

            List<ChronicleCommittable> c = writer.prepareCommit(1);
            Drive.drain(reader, out);
            assertThat(out.records()).as("prepared is not committed").containsExactly("plain-1");

            // a checkpoint while the reader waits, and a restored reader from it
            List<QueueSplit> snapshot = reader.snapshotState(1);
            committer.commit(c);
            Drive.drain(reader, out);
            assertThat(out.records()).containsExactly("plain-1", "t1", "t2", "plain-2");

            try (SplitReader<String, QueueSplit> restored = source.createReader(new TestReaderContext(0, 1))) {
                restored.start();
                restored.addSplits(snapshot);
                TestSourceOutput<String> again = new TestSourceOutput<>();
                Drive.drain(restored, again);
                assertThat(again.records()).containsExactly("t1", "t2", "plain-2");
            }
        }
    }

    @Test
    void shouldSkipAbortedTransactionsWithoutWaitingAndForgetDecidedOnes() throws Exception {
        ChronicleSink<String> sink = sink();
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(dir).build();
        try (var w = sink.createWriter(TestWriterContext.fresh(0, 1))) {
            write(w, "aborted");
        }
        try (var w = sink.createWriter(TestWriterContext.fresh(0, 1));
             var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            for (int i = 0; i < 50; i++) {
                write(w, "r" + i);
                committer.commit(w.prepareCommit(i + 1));
            }
        }
        try (QueueReader<String> reader = (QueueReader<String>) source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(source.initialSplits());
            TestSourceOutput<String> out = new TestSourceOutput<>();
            Drive.drain(reader, out);

            assertThat(out.records()).hasSize(50).startsWith("r0").endsWith("r49");
            assertThat(reader.cursors().getFirst().trackedTransactions()).isZero();
        }
    }

    @Test
    void shouldTreatTransactionsOpenAtTheEndOfABoundedReadAsNotCommittedButDeliverLaterCommittedOnes()
            throws Exception {
        ChronicleSink<String> a = sink();
        ChronicleSink<String> b = ChronicleSink.builder(dir, RecordFormat.strings()).sinkId("b").build();
        var open = a.createWriter(TestWriterContext.fresh(0, 1));
        write(open, "open-1");
        try (var w = b.createWriter(TestWriterContext.fresh(0, 1));
             var committer = b.createCommitter(TestWriterContext.fresh(0, 1))) {
            write(w, "b-1");
            write(open, "open-2");
            committer.commit(w.prepareCommit(1));
        }
        ChronicleSource<String> bounded = ChronicleSource.builder(RecordFormat.strings()).queue(dir).bounded().build();
        assertThat(Drive.readAll(bounded, 1).getFirst().records()).containsExactly("b-1");
        open.close();
    }

    @Test
    void shouldLetAToolAbortTheOpenTransactionsOfASinkThatWillNotRunAgain() throws Exception {
        var stopped = sink().createWriter(TestWriterContext.fresh(0, 1));
        write(stopped, "a");
        stopped.prepareCommit(1);
        ChronicleRecords.append(dir, RecordFormat.strings(), List.of("after"));
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(dir).build();
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(source.initialSplits());
            TestSourceOutput<String> out = new TestSourceOutput<>();
            Drive.drain(reader, out);
            assertThat(out.records()).isEmpty();

            ChronicleRecords.abortOpenTransactions(dir, "job");
            Drive.drain(reader, out);
            assertThat(out.records()).containsExactly("after");
        }
        stopped.close();
    }
}
