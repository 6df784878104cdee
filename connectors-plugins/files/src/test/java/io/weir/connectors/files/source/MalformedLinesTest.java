package io.weir.connectors.files.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed lines in all three modes: the job fails naming file, line and column; or they are emitted as
 * {@link FileRecord.Malformed} with their line numbers (also in blocks that start mid-file); or they are written
 * to dead-letter files exactly once across a restore. Never dropped.
 */
class MalformedLinesTest {
    @TempDir
    Path dir;

    @TempDir
    Path deadLetters;

    /** A CSV file with a header and 600 rows; rows 100, 350 and 599 and the last row 601 (file lines 101, 351, 603) are bad. */
    private Path csv() throws Exception {
        StringBuilder sb = new StringBuilder("id,name\n");
        for (int i = 1; i <= 600; i++) {
            switch (i) {
                case 100 -> sb.append(i).append(",x,extra\n");
                case 350 -> sb.append(i).append(",\"open\n");
                case 599 -> sb.append("\n").append(i).append(",\u00e9\n"); // a blank line (skipped), then a good row
                default -> sb.append(i).append(",n").append(i).append('\n');
            }
        }
        sb.append("601"); // too few columns, no final line break
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldFailTheJobNamingFileLineAndColumnByDefault() throws Exception {
        Path file = csv();
        var source = FileSource.forFormat(CsvFormat.withHeader(), dir).blockSize(1000).build();
        try (var harness = new SourceHarness<>(source, 1)) {
            assertThatThrownBy(harness::runToEnd).isInstanceOfSatisfying(MalformedLineException.class, e -> {
                assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("line 101, column 3")
                        .hasMessageContaining("expected 2 columns, found 3").hasMessageContaining("100,x,extra");
                assertThat(e.malformed().line()).isEqualTo(101);
            });
        }
    }

    @Test
    void shouldEmitMalformedLinesAmongTheRecordsWithTheirLineNumbers() throws Exception {
        Path file = csv();
        for (long blockSize : new long[] {0, 1000, 97}) {
            var source = FileSource.forFormat(CsvFormat.withHeader(), dir).blockSize(blockSize).buildWithMalformedLines();
            try (var harness = new SourceHarness<>(source, 2).runToEnd()) {
                List<MalformedLine> bad = new ArrayList<>();
                int good = 0;
                for (FileRecord<CsvRow> r : harness.all()) {
                    switch (r) {
                        case FileRecord.Value<CsvRow> v -> good++;
                        case FileRecord.Malformed<CsvRow> m -> bad.add(m.line());
                    }
                }
                assertThat(good).as("block size %d", blockSize).isEqualTo(598);
                assertThat(bad).extracting(MalformedLine::line).as("block size %d", blockSize)
                        .containsExactlyInAnyOrder(101L, 351L, 603L);
                assertThat(bad).allSatisfy(m -> assertThat(m.file()).isEqualTo(file.toString()));
                assertThat(bad).filteredOn(m -> m.line() == 351).singleElement()
                        .satisfies(m -> assertThat(m.reason()).isEqualTo("unterminated quoted field"))
                        .satisfies(m -> assertThat(m.text()).isEqualTo("350,\"open"));
            }
        }
    }

    @Test
    void shouldReportBytesThatAreNotUtf8() throws Exception {
        Files.write(dir.resolve("bad.txt"), new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, '\n'});
        var source = FileSource.forFormat(LineFormat.text(), dir).buildWithMalformedLines();
        try (var harness = new SourceHarness<>(source, 1).runToEnd()) {
            assertThat(harness.all()).hasSize(2).last().isInstanceOfSatisfying(FileRecord.Malformed.class, m -> {
                assertThat(m.line().line()).isEqualTo(2);
                assertThat(m.line().reason()).isEqualTo("not valid UTF-8");
            });
        }
    }

    @Test
    void shouldReportLinesLongerThanTheLimitAndGoOn() throws Exception {
        Files.writeString(dir.resolve("long.txt"), "short\n" + "x".repeat(5000) + "\r\nafter\n");
        var source = FileSource.forFormat(LineFormat.text(), dir).maxLineLength(100).buildWithMalformedLines();
        try (var harness = new SourceHarness<>(source, 1).runToEnd()) {
            assertThat(harness.all()).hasSize(3);
            assertThat(harness.all().get(1)).isInstanceOfSatisfying(FileRecord.Malformed.class, m -> {
                assertThat(m.line().line()).isEqualTo(2);
                assertThat(m.line().reason()).isEqualTo("the line is longer than 100 bytes");
                assertThat(m.line().text()).hasSize(100);
            });
            assertThat(harness.all().get(2)).isEqualTo(new FileRecord.Value<>("after"));
        }
    }

    @Test
    void shouldWriteDeadLettersExactlyOnceAcrossARestore() throws Exception {
        csv();
        var source = FileSource.forFormat(CsvFormat.withHeader(), dir).blockSize(0).deadLetters(deadLetters).build();
        List<CsvRow> rows = new ArrayList<>();
        SourceHarness.Checkpoint checkpoint;
        try (var before = new SourceHarness<>(source, 1)) {
            before.poll(0); // rows 1..255: the dead-letter file holds line 101
            checkpoint = before.checkpoint(1);
            rows.addAll(before.all());
            before.runToEnd(); // lines 351 and 603 are written, then the job "fails"
        }
        FileBlock block = (FileBlock) checkpoint.readers().getFirst();
        assertThat(block.deadLetterBytes()).isPositive();
        try (var after = new SourceHarness<>(source, 1, new Configuration(), checkpoint).runToEnd()) {
            rows.addAll(after.all());
        }

        assertThat(rows).hasSize(598);
        List<Path> files;
        try (var list = Files.list(deadLetters)) {
            files = list.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("rows.csv@0-"));
        List<JsonNode> letters = new ArrayList<>();
        for (String line : Files.readAllLines(files.getFirst())) {
            letters.add(new ObjectMapper().readTree(line));
        }
        assertThat(letters).extracting(n -> n.get("line").asLong()).containsExactly(101L, 351L, 603L);
        assertThat(letters.getFirst().get("column").asInt()).isEqualTo(3);
        assertThat(letters.getFirst().get("text").asText()).isEqualTo("100,x,extra");
    }

    @Test
    void shouldRefuseADeadLetterFolderInsideTheReadPath() {
        assertThatThrownBy(() -> FileSource.forFormat(LineFormat.text(), dir).deadLetters(dir.resolve("bad")))
                .hasMessageContaining("lies inside the path");
    }

    @Test
    void shouldFailOnABadHeaderWhateverTheMode() throws Exception {
        Files.writeString(dir.resolve("h.csv"), "a,a\n1,2\n");
        var source = FileSource.forFormat(CsvFormat.withHeader(), dir).buildWithMalformedLines();
        try (var harness = new SourceHarness<>(source, 1)) {
            assertThatThrownBy(harness::runToEnd).isInstanceOf(MalformedLineException.class)
                    .hasMessageContaining("line 1, column 2").hasMessageContaining("duplicate column name 'a'");
        }
    }
}
