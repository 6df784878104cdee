package io.weir.connectors.chronicle;

import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.testing.TestSourceOutput;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkRoundTripTest {
    @TempDir
    Path dir;

    record Order(long id, String item, List<Integer> quantities) {
    }

    enum Side { BUY, SELL }

    private static <T> void writeAndCommit(ChronicleSink<T> sink, List<T> records) throws Exception {
        try (PrecommittingSinkWriter<T, ChronicleCommittable> writer = sink.createWriter(TestWriterContext.fresh(0, 1));
             Committer<ChronicleCommittable> committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            for (int i = 0; i < records.size(); i++) {
                writer.write(records.get(i), 1000L + i);
            }
            writer.flush(true);
            committer.commit(writer.prepareCommit(Long.MAX_VALUE));
        }
    }

    @Test
    void shouldRoundTripStringsThroughAnExactlyOnceSinkAndAReadCommittedRead() throws Exception {
        List<String> records = List.of("a", "", "grüße", "x".repeat(5000));
        writeAndCommit(ChronicleSink.builder(dir, RecordFormat.strings()).build(), records);

        assertThat(ChronicleRecords.readCommitted(dir, RecordFormat.strings())).containsExactlyElementsOf(records);
    }

    @Test
    void shouldRoundTripDerivedRecordsAndBytes() throws Exception {
        Path orders = dir.resolve("orders");
        Path raw = dir.resolve("raw");
        List<Order> values = List.of(new Order(1, "apple", List.of(1, 2)), new Order(2, "pear", List.of()));
        writeAndCommit(ChronicleSink.builder(orders, RecordFormat.derived(Order.class)).build(), values);
        writeAndCommit(ChronicleSink.builder(raw, RecordFormat.bytes()).build(),
                List.of(new byte[]{1, 2, 3}, new byte[0]));

        assertThat(ChronicleRecords.readCommitted(orders, RecordFormat.derived(Order.class))).isEqualTo(values);
        assertThat(ChronicleRecords.readCommitted(raw, RecordFormat.bytes()))
                .containsExactly(new byte[]{1, 2, 3}, new byte[0]);
        Path sides = dir.resolve("sides");
        writeAndCommit(ChronicleSink.builder(sides, RecordFormat.derived(Side.class)).build(), List.of(Side.SELL));
        assertThat(ChronicleRecords.readCommitted(sides, RecordFormat.derived(Side.class))).containsExactly(Side.SELL);
    }

    @Test
    void shouldCarryTimestampsToTheSource() throws Exception {
        writeAndCommit(ChronicleSink.builder(dir, RecordFormat.strings()).build(), List.of("a", "b"));
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(dir).bounded().build();
        TestSourceOutput<String> out = Drive.readAll(source, 1).getFirst();

        assertThat(out.records()).containsExactly("a", "b");
        assertThat(out.timestamps()).containsExactly(1000L, 1001L);
    }

    @Test
    void shouldMakeAtLeastOnceRecordsVisibleAtOnceWithoutMarkers() throws Exception {
        ChronicleSink<String> sink = ChronicleSink.builder(dir, RecordFormat.strings()).atLeastOnce().build();
        try (var writer = sink.createWriter(TestWriterContext.fresh(0, 1))) {
            writer.write("a", Long.MIN_VALUE);
            writer.write("b", Long.MIN_VALUE);
            assertThat(writer.prepareCommit(1)).isEmpty();

            assertThat(ChronicleRecords.readCommitted(dir, RecordFormat.strings())).containsExactly("a", "b");
        }
        assertThat(Documents.kinds(dir)).containsOnly(DocumentDescriptor.DATA);
    }

    @Test
    void shouldRejectAPayloadThatIsNotAValueOfTheFormatNamingQueueAndIndex() {
        ChronicleRecords.append(dir, RecordFormat.bytes(), List.of(new byte[]{1, 2}));

        assertThatThrownBy(() -> ChronicleRecords.readCommitted(dir, RecordFormat.derived(Long.class)))
                .hasMessageContaining("queue " + dir)
                .hasMessageContaining("index 0x")
                .hasMessageContaining("java.lang.Long");
    }

    @Test
    void shouldRejectDocumentsNotWrittenByTheConnector() {
        try (var q = Queues.open(dir, null, b -> b); var appender = q.createAppender()) {
            appender.writeText("hello");
        }
        assertThatThrownBy(() -> ChronicleRecords.readUncommitted(dir, RecordFormat.strings()))
                .hasMessageContaining("no document kind of the chronicle connector")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void shouldAppendPlainRecordsForSources() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("r" + i);
        }
        long last = ChronicleRecords.append(dir, RecordFormat.strings(), many);

        assertThat(last).isNotNegative();
        assertThat(ChronicleRecords.readUncommitted(dir, RecordFormat.strings())).isEqualTo(many);
        assertThat(new String(ChronicleRecords.readCommitted(dir, RecordFormat.bytes()).getFirst(),
                StandardCharsets.UTF_8)).isEqualTo("r0");
    }
}
