package io.weir.connectors.files.source;

import io.weir.api.config.Configuration;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.source.Boundedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code source = files} from string-keyed configuration: sources as configured, clear errors otherwise. */
class FileSourceFactoryTest {
    @TempDir
    Path dir;

    private final FileSourceFactory factory = new FileSourceFactory();

    private FileSource<?> create(Map<String, String> options) {
        return (FileSource<?>) factory.validateAndCreate(Configuration.fromMap(options));
    }

    @Test
    void shouldBeFoundByServiceLoaderAsFiles() {
        assertThat(ServiceLoader.load(SourceFactory.class).stream().map(p -> p.get().name())).contains("files");
    }

    @Test
    void shouldBuildABoundedTextSourceByDefault() {
        FileSource<?> source = create(Map.of("source", "files", "path", dir.toString()));
        assertThat(source.format()).isSameAs(LineFormat.text());
        assertThat(source.boundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.blockSize()).isEqualTo(FileSource.DEFAULT_BLOCK_SIZE);
        assertThat(source.onMalformed()).isEqualTo(OnMalformed.FAIL);
        assertThat(source.producedType()).isEqualTo(String.class);
    }

    @Test
    void shouldBuildWhatTheKeysSay() {
        FileSource<?> csv = create(Map.of("path", dir.toString(), "format", "csv", "csv.header", "true",
                "csv.delimiter", "tab", "monitor-interval", "10s", "block-size", "512kb", "on-malformed", "dead-letter",
                "dead-letter-path", dir.resolveSibling(dir.getFileName() + "-bad").toString()));
        assertThat(csv.format()).isInstanceOfSatisfying(CsvFormat.class, f -> assertThat(f.hasHeader()).isTrue());
        assertThat(csv.monitorIntervalMillis()).isEqualTo(10_000);
        assertThat(csv.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(csv.blockSize()).isEqualTo(512 * 1024);
        assertThat(csv.onMalformed()).isEqualTo(OnMalformed.DEAD_LETTER);

        FileSource<?> json = create(Map.of("path", dir.toString(), "format", "json", "on-malformed", "side-output"));
        assertThat(json.format()).isInstanceOf(JsonLinesFormat.class);
        assertThat(json.producedType()).isEqualTo(FileRecord.class);
    }

    @Test
    void shouldReadATestDataFolderBuiltFromConfiguration() throws Exception {
        Files.writeString(dir.resolve("data.csv"), "a;b\n1;2\n3;4\n");
        @SuppressWarnings("unchecked")
        FileSource<CsvRow> source = (FileSource<CsvRow>) create(Map.of("path", dir.toString(), "format", "csv",
                "csv.header", "true", "csv.delimiter", ";"));
        try (var harness = new SourceHarness<>(source, 2).runToEnd()) {
            assertThat(harness.all()).extracting(r -> r.get("b")).containsExactlyInAnyOrder("2", "4");
        }
    }

    @Test
    void shouldRefuseUnknownKeysAndWrongTypesListingTheAcceptedOptions() {
        assertThatThrownBy(() -> create(Map.of("path", "x", "monitor-intervall", "1s", "format", "xml",
                "monitor-interval", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'monitor-intervall'")
                .hasMessageContaining("option 'format': 'xml' is not one of [text, csv, json]")
                .hasMessageContaining("option 'monitor-interval': 'soon' is not a duration")
                .hasMessageContaining("Accepted options:").hasMessageContaining("dead-letter-path")
                .hasMessageContaining("csv.header");
        assertThatThrownBy(() -> create(Map.of()))
                .hasMessageContaining("missing required option 'path'");
    }

    @Test
    void shouldRefuseOptionsThatDoNotFitTogether() {
        assertThatThrownBy(() -> create(Map.of("path", "x", "on-malformed", "dead-letter")))
                .hasMessageContaining("on-malformed = dead-letter needs option 'dead-letter-path'");
        assertThatThrownBy(() -> create(Map.of("path", "x", "dead-letter-path", "y")))
                .hasMessageContaining("'dead-letter-path' applies only to on-malformed = dead-letter, not fail");
        assertThatThrownBy(() -> create(Map.of("path", "x", "csv.header", "true")))
                .hasMessageContaining("'csv.header' applies only to format = csv, not text");
        assertThatThrownBy(() -> create(Map.of("path", "x", "format", "csv", "csv.delimiter", ";;")))
                .hasMessageContaining("'csv.delimiter' must be one character");
        assertThatThrownBy(() -> create(Map.of("path", "x", "block-size", "big")))
                .hasMessageContaining("option 'block-size': 'big' is not a size");
        assertThatThrownBy(() -> create(Map.of("path", "x", "max-line-length", "2gb")))
                .hasMessageContaining("option 'max-line-length' must be between 1 byte and 1gb, not '2gb'");
        assertThat(create(Map.of("path", "x", "max-line-length", "1kb")).maxLineLength()).isEqualTo(1024);
        assertThatThrownBy(() -> create(Map.of("path", dir.toString(), "on-malformed", "dead-letter",
                "dead-letter-path", dir.resolve("bad").toString())))
                .hasMessageStartingWith("source 'files': ").hasMessageContaining("lies inside the path");
    }
}
