package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV rows ({@link CsvRow}), parsed with Apache Commons CSV (RFC 4180 quoting: a field in quotes may hold
 * the delimiter and doubled quotes); a line without any quote character is split at the delimiter directly,
 * which reads it the same way, faster. One line is one record: a quoted field cannot span lines, which is
 * what lets files be split into blocks at line breaks. Blank lines are skipped.
 *
 * <p>Column count: with a header line every row must have as many fields as the header; without one,
 * {@link #withColumns} fixes the count; otherwise rows may differ. A row with the wrong count, an
 * unterminated quote or a duplicate header name is a {@link LineFormatException} naming the column.
 *
 * <pre>{@code
 * CsvFormat.withHeader().withDelimiter(';')                      // rows with names from the first line
 * CsvFormat.withoutHeader().withColumns(3)
 *          .map(Trade.class, row -> new Trade(row.get(0), row.getLong(1), row.getDouble(2)))
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
@Evolving
public final class CsvFormat implements LineFormat<CsvRow> {
    private final boolean header;
    private final char delimiter;
    private final char quote;
    private final int columns;
    private final CSVFormat format;

    private CsvFormat(boolean header, char delimiter, char quote, int columns) {
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("CSV delimiter '" + delimiter + "' and quote '" + quote
                    + "' must differ and must not be line breaks");
        }
        if (columns < 0) {
            throw new IllegalArgumentException("CSV column count must be >= 0 (0: any), not " + columns);
        }
        this.header = header;
        this.delimiter = delimiter;
        this.quote = quote;
        this.columns = columns;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote).setIgnoreEmptyLines(false)
                .get();
    }

    /** Comma-separated, double quotes, the first line of each file names the columns. */
    public static CsvFormat withHeader() {
        return new CsvFormat(true, ',', '"', 0);
    }

    /** Comma-separated, double quotes, no header line. */
    public static CsvFormat withoutHeader() {
        return new CsvFormat(false, ',', '"', 0);
    }

    /** The same format with another field delimiter. */
    public CsvFormat withDelimiter(char newDelimiter) {
        return new CsvFormat(header, newDelimiter, quote, columns);
    }

    /** The same format with another quote character. */
    public CsvFormat withQuote(char newQuote) {
        return new CsvFormat(header, delimiter, newQuote, columns);
    }

    /** The same format requiring exactly {@code count} fields per row (0: any); a header's size overrides it. */
    public CsvFormat withColumns(int count) {
        return new CsvFormat(header, delimiter, quote, count);
    }

    @Override
    public boolean hasHeader() {
        return header;
    }

    @Override
    public boolean skipsBlankLines() {
        return true;
    }

    @Override
    public Class<CsvRow> producedType() {
        return CsvRow.class;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Parser<CsvRow> open(String headerLine) {
        List<String> names = List.of();
        if (header) {
            if (headerLine == null) {
                throw new LineFormatException("the file has no header line", LineFormatException.UNKNOWN_COLUMN);
            }
            names = fields(headerLine);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (!seen.add(names.get(i))) {
                    throw new LineFormatException("header: duplicate column name '" + names.get(i) + "'", i + 1);
                }
            }
        }
        int expected = header ? names.size() : columns;
        List<String> columnNames = names;
        return line -> {
            List<String> values = fields(line);
            if (expected > 0 && values.size() != expected) {
                throw new LineFormatException("expected " + expected + " columns, found " + values.size(),
                        Math.min(expected, values.size()) + 1);
            }
            return new CsvRow(values, columnNames);
        };
    }

    private List<String> fields(String line) {
        if (line.indexOf(quote) < 0 && line.indexOf('\r') < 0) {
            return split(line); // no quoting: every field is literal text, as the parser would read it
        }
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<String> values = null;
            for (CSVRecord record : parser) {
                if (values != null) {
                    throw new LineFormatException("a carriage return splits the line into several records",
                            values.size() + 1);
                }
                values = new ArrayList<>(record.size());
                for (String value : record) {
                    values.add(value);
                }
            }
            return values == null ? List.of("") : values;
        } catch (UncheckedIOException e) {
            throw new LineFormatException(message(e.getCause()), LineFormatException.UNKNOWN_COLUMN, e);
        } catch (IOException | IllegalStateException e) {
            throw new LineFormatException(message(e), LineFormatException.UNKNOWN_COLUMN, e);
        }
    }

    private List<String> split(String line) {
        List<String> values = new ArrayList<>();
        int from = 0;
        for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, from)) {
            values.add(line.substring(from, i));
            from = i + 1;
        }
        values.add(line.substring(from));
        return values;
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.contains("EOF reached before encapsulated token finished") ? "unterminated quoted field" : m;
    }
}
