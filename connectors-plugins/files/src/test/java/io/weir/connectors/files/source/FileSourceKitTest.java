package io.weir.connectors.files.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;
import org.junit.jupiter.api.Nested;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector test kit against the file source, once per built-in format: text lines and JSON lines built
 * from configuration ({@code source = files}), CSV rows with a header mapped to a record through the builder.
 *
 * <p>The input is bounded and uneven, so that readers get different shares and block splits happen: 3,000
 * records spread over five files in nested folders, the largest several times {@link #BLOCK_SIZE} (lines cross
 * block ends), a small one with CRLF line ends and no final line break, one of a single line, an empty one (no
 * block) and a hidden one (ignored). CSV files repeat their header in every file, quote some fields (a
 * delimiter and a doubled quote inside), and blocks that start after byte 0 read the header from the file's
 * start; JSON files have blank lines, which the format skips.
 *
 * <p>After every job, no file descriptor of the test JVM may still point into the input folder (checked
 * through {@code /proc/self/fd} where it exists).
 */
class FileSourceKitTest {
    /** Small blocks, so that the largest file has several and lines cross block ends. */
    static final int BLOCK_SIZE = 4 << 10;
    static final int RECORDS = 3_000;
    /** How the records are spread over files: uneven, one file much larger than a block. */
    private static final int[] SHARES = {1_650, 800, 400, 149, 1};
    private static final String[] FILES = {"big.data", "a/medium.data", "a/b/small.data", "a/b/c/tiny.data", "one.data"};

    /** One record of the CSV variant: a typed view of the kit's generated lines. */
    record Reading(String id, int value, String word) {
    }

    static Path input(ConnectorTestContext context) {
        return context.directory().resolve("input");
    }

    /**
     * Writes the records as lines (rendered by {@code render}) into the uneven files under {@code input}; the
     * third file gets CRLF line ends and no final break; {@code header}, when not null, opens every file.
     */
    static void writeInput(Path input, List<String> lines, Function<String, String> render, String header,
                           boolean blankLines) throws IOException {
        Files.createDirectories(input);
        int from = 0;
        for (int f = 0; f < FILES.length; f++) {
            List<String> share = lines.subList(from, from + SHARES[f]);
            from += SHARES[f];
            boolean crlf = f == 2;
            StringBuilder text = new StringBuilder();
            if (header != null) {
                text.append(header).append(crlf ? "\r\n" : "\n");
            }
            for (int i = 0; i < share.size(); i++) {
                text.append(render.apply(share.get(i)));
                if (blankLines && i % 97 == 0) {
                    text.append("\n");
                }
                if (!(crlf && i == share.size() - 1)) {
                    text.append(crlf ? "\r\n" : "\n");
                }
            }
            Path file = input.resolve(FILES[f]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(from).isEqualTo(lines.size());
        Files.writeString(input.resolve("a/empty.data"), "");
        Files.writeString(input.resolve(".hidden.data"), "must not be read\n");
        assertThat(Files.size(input.resolve(FILES[0]))).as("the largest file spans several blocks")
                .isGreaterThan(4L * BLOCK_SIZE);
    }

    /** No descriptor of this JVM is open on a file under {@code folder} (Linux; elsewhere nothing is checked). */
    static void assertNoOpenFilesUnder(Path folder) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return;
        }
        Path real = folder.toRealPath();
        List<Path> open = new ArrayList<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : entries.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(real)) {
                        open.add(target);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the descriptor of the listing itself, or one closed meanwhile
                }
            }
        }
        assertThat(open).as("files the source left open").isEmpty();
    }

    @SuppressWarnings("unchecked")
    static <T> SplitSource<T, ?> fromConfiguration(Map<String, String> configuration) {
        return (SplitSource<T, ?>) new FileSourceFactory().validateAndCreate(Configuration.fromMap(configuration));
    }

    /** Text lines, {@code source = files, format = text, block-size = 4kb}. */
    @Nested
    class Text extends SourceTestSuite<String> {
        @Override
        protected SplitSource<String, ?> createSource(ConnectorTestContext context) throws IOException {
            writeInput(input(context), context.lines(RECORDS), line -> line, null, false);
            return fromConfiguration(Map.of("source", "files", "path", input(context).toString(), "format", "text",
                    "block-size", "4kb"));
        }

        @Override
        protected List<String> expectedRecords(ConnectorTestContext context) {
            return context.lines(RECORDS);
        }

        @Override
        protected void assertResourcesReleased(ConnectorTestContext context) throws IOException {
            assertNoOpenFilesUnder(input(context));
        }
    }

    /**
     * Text in blocks of 37 bytes, shorter than most lines: many blocks own no line start, most lines cross
     * block ends; on the dedicated scheduler (a thread per task).
     */
    @Nested
    class TextInTinyBlocks extends SourceTestSuite<String> {
        @Override
        protected SplitSource<String, ?> createSource(ConnectorTestContext context) throws IOException {
            writeInput(input(context), context.lines(RECORDS), line -> line, null, false);
            return fromConfiguration(Map.of("source", "files", "path", input(context).toString(), "format", "text",
                    "block-size", "37"));
        }

        @Override
        protected void configure(StreamEnvironment env) {
            env.configure(ExecutionOptions.SCHEDULER, "dedicated");
        }

        @Override
        protected List<String> expectedRecords(ConnectorTestContext context) {
            return context.lines(RECORDS);
        }

        @Override
        protected void assertResourcesReleased(ConnectorTestContext context) throws IOException {
            assertNoOpenFilesUnder(input(context));
        }
    }

    /** CSV with a header in every file, some fields quoted, rows mapped to a {@link Reading} record. */
    @Nested
    class Csv extends SourceTestSuite<Reading> {
        /** Every third word is quoted, and holds the delimiter and a doubled quote. */
        private static String csvLine(String line) {
            String[] f = line.split(",");
            int index = Integer.parseInt(f[0].substring(1));
            return index % 3 == 0 ? f[0] + "," + f[1] + ",\"" + f[2] + ", \"\"q\"\"\"" : line;
        }

        private static Reading reading(String line) {
            String[] f = line.split(",");
            int index = Integer.parseInt(f[0].substring(1));
            return new Reading(f[0], Integer.parseInt(f[1]), index % 3 == 0 ? f[2] + ", \"q\"" : f[2]);
        }

        @Override
        protected SplitSource<Reading, ?> createSource(ConnectorTestContext context) throws IOException {
            writeInput(input(context), context.lines(RECORDS), Csv::csvLine, "id,value,word", false);
            LineFormat<Reading> format = CsvFormat.withHeader()
                    .map(Reading.class, row -> new Reading(row.get("id"), row.getInt("value"), row.get("word")));
            return FileSource.forFormat(format, input(context)).blockSize(BLOCK_SIZE).build();
        }

        @Override
        protected List<Reading> expectedRecords(ConnectorTestContext context) {
            return context.lines(RECORDS).stream().map(Csv::reading).toList();
        }

        @Override
        protected void assertResourcesReleased(ConnectorTestContext context) throws IOException {
            assertNoOpenFilesUnder(input(context));
        }
    }

    /** JSON lines as Jackson trees, {@code source = files, format = json}, with blank lines between records. */
    @Nested
    class JsonLines extends SourceTestSuite<JsonNode> {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private static String json(String line) {
            String[] f = line.split(",");
            return "{\"id\":\"" + f[0] + "\",\"value\":" + f[1] + ",\"word\":\"" + f[2] + "\",\"tags\":[\"\u00e9t\u00e9\"]}";
        }

        @Override
        protected SplitSource<JsonNode, ?> createSource(ConnectorTestContext context) throws IOException {
            writeInput(input(context), context.lines(RECORDS), JsonLines::json, null, true);
            return fromConfiguration(Map.of("source", "files", "path", input(context).toString(), "format", "json",
                    "block-size", Integer.toString(BLOCK_SIZE)));
        }

        @Override
        protected List<JsonNode> expectedRecords(ConnectorTestContext context) {
            return context.lines(RECORDS).stream().map(line -> {
                try {
                    return MAPPER.readTree(json(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }

        @Override
        protected void assertResourcesReleased(ConnectorTestContext context) throws IOException {
            assertNoOpenFilesUnder(input(context));
        }
    }

    /**
     * CSV rows without a header, three columns required, every 41st row missing one: malformed rows go to
     * dead-letter files ({@code on-malformed = dead-letter}). The records are the good rows; after every job,
     * also one restored after a failure, the dead-letter files must hold every bad row exactly once, with its file
     * and line number (a restore truncates them to their checkpointed length).
     */
    @Nested
    class CsvWithDeadLetters extends SourceTestSuite<CsvRow> {
        private static boolean bad(String line) {
            return Integer.parseInt(line.substring(1, line.indexOf(','))) % 41 == 7;
        }

        private static String render(String line) {
            return bad(line) ? line.substring(0, line.lastIndexOf(',')) : line;
        }

        private static Path deadLetters(ConnectorTestContext context) {
            return context.directory().resolve("dead-letters");
        }

        @Override
        protected SplitSource<CsvRow, ?> createSource(ConnectorTestContext context) throws IOException {
            writeInput(input(context), context.lines(RECORDS), CsvWithDeadLetters::render, null, false);
            return fromConfiguration(Map.of("source", "files", "path", input(context).toString(), "format", "csv",
                    "csv.columns", "3", "on-malformed", "dead-letter", "dead-letter-path", deadLetters(context).toString(),
                    "block-size", "4kb"));
        }

        @Override
        protected List<CsvRow> expectedRecords(ConnectorTestContext context) {
            return context.lines(RECORDS).stream().filter(line -> !bad(line)).map(line -> CsvRow.of(line.split(",")))
                    .toList();
        }

        @Override
        protected void assertResourcesReleased(ConnectorTestContext context) throws IOException {
            assertNoOpenFilesUnder(input(context));
            assertNoOpenFilesUnder(deadLetters(context));
            List<String> expected = new ArrayList<>();
            List<String> lines = context.lines(RECORDS);
            int from = 0;
            for (int f = 0; f < FILES.length; f++) {
                for (int i = 0; i < SHARES[f]; i++) {
                    String line = lines.get(from + i);
                    if (bad(line)) {
                        expected.add(input(context).resolve(FILES[f]) + ":" + (i + 1) + ":" + render(line));
                    }
                }
                from += SHARES[f];
            }
            List<String> found = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> files = Files.list(deadLetters(context))) {
                for (Path file : files.toList()) {
                    for (String entry : Files.readAllLines(file)) {
                        JsonNode node = json.readTree(entry);
                        found.add(node.get("file").asText() + ":" + node.get("line").asLong() + ":" + node.get("text").asText());
                    }
                }
            }
            assertThat(found).as("the malformed rows in the dead-letter files, each once")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
