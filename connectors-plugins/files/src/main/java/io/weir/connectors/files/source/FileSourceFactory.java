package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;
import io.weir.connectors.files.Sizes;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.ConnectorOptions;
import io.weir.spi.plugin.SourceFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code source = files}: a {@link FileSource} from configuration, for example
 * {@code source = files, path = /data/in, format = csv, csv.header = true, monitor-interval = 10s,
 * on-malformed = dead-letter, dead-letter-path = /data/bad}. Records are {@code String} (text),
 * {@link CsvRow} (csv) or Jackson {@code JsonNode} (json); with {@code on-malformed = side-output} they are
 * {@link FileRecord}s of those.
 *
 * <p>A test kit can build a source over a folder of test data with
 * {@code new FileSourceFactory().validateAndCreate(Configuration.fromMap(Map.of("path", folder, "format", "text")))}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
@Evolving
public final class FileSourceFactory implements SourceFactory {
    /** The line formats selectable by configuration. */
    public enum Format {
        /** Each line as a {@code String}. */
        TEXT,
        /** Each line as a {@link CsvRow}. */
        CSV,
        /** Each line as a Jackson {@code JsonNode}. */
        JSON
    }

    public static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null,
            "the file or folder to read (folders recursively; names starting with . or _ are skipped)");
    public static final ConfigOption<Format> FORMAT = ConfigOption.of("format", Format.class, Format.TEXT,
            "how lines become records: text (String), csv (CsvRow) or json (JsonNode, one JSON value per line)");
    public static final ConfigOption<Duration> MONITOR_INTERVAL = ConfigOption.of("monitor-interval", Duration.class,
            Duration.ZERO, "list the path again at this interval and read new files (job clock); 0 reads what is there, then ends");
    public static final ConfigOption<String> BLOCK_SIZE = ConfigOption.of("block-size", String.class, "64mb",
            "split files into blocks of this size for parallel readers: bytes, or with a unit kb, mb, gb; 0 for whole files");
    public static final ConfigOption<String> MAX_LINE_LENGTH = ConfigOption.of("max-line-length", String.class, "64mb",
            "a longer line is malformed (a file without line breaks is reported instead of filling the memory): bytes, "
                    + "or with a unit kb, mb; at most 1gb");
    public static final ConfigOption<OnMalformed> ON_MALFORMED = ConfigOption.of("on-malformed", OnMalformed.class,
            OnMalformed.FAIL, "a line that does not parse: fail the job, emit it among the records (side-output), "
                    + "or write it to dead-letter-path (dead-letter)");
    public static final ConfigOption<String> DEAD_LETTER_PATH = ConfigOption.of("dead-letter-path", String.class, null,
            "the folder of dead-letter files (required with on-malformed = dead-letter)");
    public static final ConfigOption<Boolean> CSV_HEADER = ConfigOption.of("csv.header", Boolean.class, false,
            "format csv: the first line of each file names the columns");
    public static final ConfigOption<String> CSV_DELIMITER = ConfigOption.of("csv.delimiter", String.class, ",",
            "format csv: the field delimiter, one character (or 'tab')");
    public static final ConfigOption<String> CSV_QUOTE = ConfigOption.of("csv.quote", String.class, "\"",
            "format csv: the quote character");
    public static final ConfigOption<Integer> CSV_COLUMNS = ConfigOption.of("csv.columns", Integer.class, 0,
            "format csv without header: the number of fields every row must have (0: any)");

    private static final Set<ConfigOption<?>> CSV_OPTIONS = Set.of(CSV_HEADER, CSV_DELIMITER, CSV_QUOTE, CSV_COLUMNS);

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String description() {
        return "text lines, CSV rows or JSON lines from files and folders: block splits, folder monitoring, checkpointed";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FORMAT, MONITOR_INTERVAL, BLOCK_SIZE, MAX_LINE_LENGTH, ON_MALFORMED, DEAD_LETTER_PATH, CSV_HEADER, CSV_DELIMITER,
                CSV_QUOTE, CSV_COLUMNS);
    }

    @Override
    public Source<?> create(Configuration configuration) {
        List<String> problems = new ArrayList<>();
        Format format = configuration.get(FORMAT);
        if (format != Format.CSV) {
            for (ConfigOption<?> option : CSV_OPTIONS) {
                if (configuration.contains(option.key())) {
                    problems.add("option '" + option.key() + "' applies only to format = csv, not " + lower(format));
                }
            }
        }
        long blockSize = parseSize(BLOCK_SIZE, configuration.get(BLOCK_SIZE), problems);
        long maxLineLength = parseSize(MAX_LINE_LENGTH, configuration.get(MAX_LINE_LENGTH), problems);
        if (maxLineLength == 0 || maxLineLength > 1L << 30) {
            problems.add("option '" + MAX_LINE_LENGTH.key() + "' must be between 1 byte and 1gb, not '"
                    + configuration.get(MAX_LINE_LENGTH) + "'");
        }
        OnMalformed onMalformed = configuration.get(ON_MALFORMED);
        boolean deadLetterPath = configuration.contains(DEAD_LETTER_PATH.key());
        if (onMalformed == OnMalformed.DEAD_LETTER && !deadLetterPath) {
            problems.add("on-malformed = dead-letter needs option '" + DEAD_LETTER_PATH.key() + "'");
        } else if (onMalformed != OnMalformed.DEAD_LETTER && deadLetterPath) {
            problems.add("option '" + DEAD_LETTER_PATH.key() + "' applies only to on-malformed = dead-letter, not "
                    + lower(onMalformed));
        }
        LineFormat<?> lineFormat = switch (format) {
            case TEXT -> LineFormat.text();
            case JSON -> JsonLinesFormat.tree();
            case CSV -> csv(configuration, problems);
        };
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("source 'files': " + String.join("; ", problems) + ".\n"
                    + ConnectorOptions.describe(requiredOptions(), optionalOptions()));
        }
        try {
            return build(lineFormat, configuration, blockSize, (int) maxLineLength, onMalformed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("source 'files': " + e.getMessage(), e);
        }
    }

    private static <T> FileSource<?> build(LineFormat<T> format, Configuration configuration, long blockSize,
                                           int maxLineLength, OnMalformed onMalformed) {
        FileSource.Builder<T> builder = FileSource.forFormat(format, Path.of(configuration.get(PATH)))
                .blockSize(blockSize).maxLineLength(maxLineLength).monitorEvery(configuration.get(MONITOR_INTERVAL));
        return switch (onMalformed) {
            case FAIL -> builder.build();
            case SIDE_OUTPUT -> builder.buildWithMalformedLines();
            case DEAD_LETTER -> builder.deadLetters(Path.of(configuration.get(DEAD_LETTER_PATH))).build();
        };
    }

    private static CsvFormat csv(Configuration configuration, List<String> problems) {
        CsvFormat csv = configuration.get(CSV_HEADER) ? CsvFormat.withHeader() : CsvFormat.withoutHeader();
        String delimiter = configuration.get(CSV_DELIMITER);
        if (delimiter.equalsIgnoreCase("tab")) {
            delimiter = "\t";
        }
        String quote = configuration.get(CSV_QUOTE);
        if (delimiter.length() != 1) {
            problems.add("option '" + CSV_DELIMITER.key() + "' must be one character (or 'tab'), not '" + delimiter + "'");
        }
        if (quote.length() != 1) {
            problems.add("option '" + CSV_QUOTE.key() + "' must be one character, not '" + quote + "'");
        }
        int columns = configuration.get(CSV_COLUMNS);
        if (columns < 0) {
            problems.add("option '" + CSV_COLUMNS.key() + "' must be >= 0, not " + columns);
        }
        if (!problems.isEmpty()) {
            return csv;
        }
        try {
            return csv.withDelimiter(delimiter.charAt(0)).withQuote(quote.charAt(0)).withColumns(columns);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return csv;
        }
    }

    /** Bytes from {@code 1048576}, {@code 512kb}, {@code 64mb}, {@code 1gb} (see {@link Sizes}). */
    static long parseSize(ConfigOption<String> option, String raw, List<String> problems) {
        return Sizes.parse(option, raw, problems);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
