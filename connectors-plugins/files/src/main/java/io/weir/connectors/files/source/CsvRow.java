package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CSV record: its fields in order and, when the file has a header line, the column names. The typed
 * getters throw {@link LineFormatException} naming the column when a value does not parse, so that a mapper
 * built on them ({@link LineFormat#map}) turns bad values into malformed lines with their column.
 *
 * @param values the fields, in order (an empty field is {@code ""})
 * @param header the column names from the file's header line, or empty when there is none
 */
@Evolving
public record CsvRow(List<String> values, List<String> header) {
    public CsvRow {
        values = List.copyOf(values);
        header = List.copyOf(header);
    }

    /** A row without column names. */
    public static CsvRow of(String... values) {
        return new CsvRow(List.of(values), List.of());
    }

    /** The number of fields. */
    public int size() {
        return values.size();
    }

    /** The field at {@code index} (0-based). */
    public String get(int index) {
        if (index < 0 || index >= values.size()) {
            throw new LineFormatException("no column " + (index + 1) + " (the row has " + values.size() + ")", index + 1);
        }
        return values.get(index);
    }

    /** The field of the column named {@code name} in the header. */
    public String get(String name) {
        return values.get(indexOf(name));
    }

    /** The 0-based index of the column named {@code name}. */
    public int indexOf(String name) {
        Objects.requireNonNull(name, "name");
        int index = header.indexOf(name);
        if (index < 0) {
            throw new LineFormatException(header.isEmpty() ? "no column named '" + name + "': the file has no header"
                    : "no column named '" + name + "' (columns: " + header + ")", LineFormatException.UNKNOWN_COLUMN);
        }
        return index;
    }

    /** The field of column {@code name} as an {@code int}. */
    public int getInt(String name) {
        return (int) parse(indexOf(name), "an int", Integer::parseInt);
    }

    /** The field of column {@code name} as a {@code long}. */
    public long getLong(String name) {
        return (long) parse(indexOf(name), "a long", Long::parseLong);
    }

    /** The field of column {@code name} as a {@code double}. */
    public double getDouble(String name) {
        return (double) parse(indexOf(name), "a double", Double::parseDouble);
    }

    /** The field at {@code index} (0-based) as an {@code int}. */
    public int getInt(int index) {
        return (int) parse(index, "an int", Integer::parseInt);
    }

    /** The field at {@code index} (0-based) as a {@code long}. */
    public long getLong(int index) {
        return (long) parse(index, "a long", Long::parseLong);
    }

    /** The field at {@code index} (0-based) as a {@code double}. */
    public double getDouble(int index) {
        return (double) parse(index, "a double", Double::parseDouble);
    }

    /** Column name to field, in column order (requires a header). */
    public Map<String, String> toMap() {
        if (header.isEmpty()) {
            throw new LineFormatException("the file has no header: columns have no names", LineFormatException.UNKNOWN_COLUMN);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            map.put(header.get(i), values.get(i));
        }
        return map;
    }

    private Object parse(int index, String what, java.util.function.Function<String, Object> parser) {
        String raw = get(index);
        try {
            return parser.apply(raw.trim());
        } catch (NumberFormatException e) {
            String column = header.isEmpty() ? "column " + (index + 1) : "column '" + header.get(index) + "'";
            throw new LineFormatException(column + ": '" + raw + "' is not " + what, index + 1, e);
        }
    }
}
