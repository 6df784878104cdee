package io.weir.connectors.files.source;

import io.weir.api.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source through its SPI, on the test thread: every line of a folder exactly once at any parallelism, and
 * exactly once across a checkpoint taken at any point (mid-block, between blocks), restored at the same or
 * another parallelism.
 */
class FileSourceReadingTest {
    @TempDir
    Path dir;

    /** Three files of 2000, 1 and 3000 numbered lines (two nested), plus an empty one. */
    private List<String> writeFiles() throws Exception {
        List<String> all = new ArrayList<>();
        Files.createDirectories(dir.resolve("nested"));
        all.addAll(write(dir.resolve("a.txt"), "a", 2000));
        all.addAll(write(dir.resolve("b.txt"), "b", 1));
        all.addAll(write(dir.resolve("nested/c.txt"), "c", 3000));
        Files.writeString(dir.resolve("empty.txt"), "");
        return all;
    }

    static List<String> write(Path file, String prefix, int lines) throws Exception {
        List<String> written = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            String line = prefix + "-" + i + (i % 7 == 0 ? " \u00e9\u20ac" : "");
            written.add(line);
            sb.append(line).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(file, sb.toString());
        return written;
    }

    private FileSource<String> source() {
        return FileSource.forFormat(LineFormat.text(), dir).blockSize(4096).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void shouldReadEveryLineExactlyOnceAtParallelism(int parallelism) throws Exception {
        List<String> expected = writeFiles();
        try (var harness = new SourceHarness<>(source(), parallelism).runToEnd()) {
            ExactlyOnce.assertSameElements("p=" + parallelism, harness.all(), expected);
        }
    }

    @Test
    void shouldResumeExactlyWhereAnyCheckpointWasTaken() throws Exception {
        List<String> expected = writeFiles();
        for (int polls = 0; polls <= 40; polls += 3) {
            for (int restoredParallelism : new int[] {1, 3}) {
                List<String> seen = new ArrayList<>();
                SourceHarness.Checkpoint checkpoint;
                try (var before = new SourceHarness<>(source(), 2)) {
                    for (int i = 0; i < polls; i++) {
                        before.poll(i % 2);
                    }
                    checkpoint = before.checkpoint(1);
                    seen.addAll(before.all());
                    before.runToEnd(); // what happens after the checkpoint is lost with the failure
                }
                try (var after = new SourceHarness<>(source(), restoredParallelism, new Configuration(), checkpoint)) {
                    seen.addAll(after.runToEnd().all());
                }
                ExactlyOnce.assertSameElements("checkpoint after " + polls + " polls, restored at parallelism "
                        + restoredParallelism, seen, expected);
            }
        }
    }

    @Test
    void shouldResumeCsvWithAHeaderAndJsonLinesExactlyWhereACheckpointWasTaken() throws Exception {
        StringBuilder csv = new StringBuilder("id,name\r\n");
        StringBuilder json = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            csv.append(i).append(",\"n\u00e9 ").append(i).append("\"\r\n");
            json.append("{\"id\": ").append(i).append(", \"name\": \"n\u00e9 ").append(i).append("\"}\n");
            expected.add(i + "/n\u00e9 " + i);
        }
        Files.writeString(dir.resolve("a.csv"), csv.toString());
        Path jsonDir = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-json"));
        Files.writeString(jsonDir.resolve("a.jsonl"), json.toString());
        List<FileSource<String>> sources = List.of(
                FileSource.forFormat(CsvFormat.withHeader().map(String.class, r -> r.get("id") + "/" + r.get("name")), dir)
                        .blockSize(2000).build(),
                FileSource.forFormat(JsonLinesFormat.tree().map(String.class,
                        n -> n.get("id").asInt() + "/" + n.get("name").asText()), jsonDir).blockSize(2000).build());
        for (FileSource<String> source : sources) {
            for (int polls = 0; polls <= 16; polls += 2) {
                List<String> seen = new ArrayList<>();
                SourceHarness.Checkpoint checkpoint;
                try (var before = new SourceHarness<>(source, 2)) {
                    for (int i = 0; i < polls; i++) {
                        before.poll(i % 2);
                    }
                    checkpoint = before.checkpoint(1);
                    seen.addAll(before.all());
                }
                try (var after = new SourceHarness<>(source, 2, new Configuration(), checkpoint)) {
                    seen.addAll(after.runToEnd().all());
                }
                ExactlyOnce.assertSameElements(source.format().name() + ", checkpoint after " + polls + " polls", seen,
                        expected);
            }
        }
    }

    @Test
    void shouldCheckpointPositionsInsideBlocks() throws Exception {
        writeFiles();
        try (var harness = new SourceHarness<>(FileSource.forFormat(LineFormat.text(), dir).blockSize(0).build(), 1)) {
            harness.poll(0);
            SourceHarness.Checkpoint checkpoint = harness.checkpoint(1);
            assertThat(checkpoint.readers()).hasSize(1).first().isInstanceOfSatisfying(FileBlock.class, b -> {
                assertThat(b.path()).endsWith("a.txt");
                assertThat(b.offset()).isGreaterThan(b.start()).isLessThan(b.end());
                assertThat(b.line()).isEqualTo(FileSourceReader.BATCH + 1);
            });
        }
    }

    @Test
    void shouldFailClearlyWhenThePathDoesNotExist() {
        var source = FileSource.forFormat(LineFormat.text(), dir.resolve("missing")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SourceHarness<>(source, 1))
                .hasMessageContaining("missing").hasMessageContaining("does not exist");
    }
}
