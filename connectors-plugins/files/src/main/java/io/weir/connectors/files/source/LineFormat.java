package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the lines of a file become records: {@link #text()} (each line a {@code String}), {@link CsvFormat}
 * ({@link CsvRow}s) and {@link JsonLinesFormat} (a Jackson tree or a bound type), or a format of your own.
 * A line is the bytes up to a {@code \n} (a {@code \r} before it is dropped, so LF and CRLF files read the
 * same), decoded as UTF-8; a final line without a line break is a line too.
 *
 * <p>Lifecycle: a reader calls {@link #open} once per file block it reads, with the file's first line
 * when {@link #hasHeader()} (the header is never a record), then {@link Parser#parse} per line. A parser
 * signals a bad line by throwing {@link LineFormatException}; any other exception fails the job.
 *
 * <h2>Thread safety</h2>
 * A format is shared by every reader and must be immutable; each {@link Parser} is confined to one reader's
 * thread.
 *
 * @param <T> record type
 */
@Evolving
public interface LineFormat<T> {

    /** Turns the lines of one file block into records. */
    @FunctionalInterface
    interface Parser<T> {
        /** The record of {@code line} (without its line break); never {@code null}. */
        T parse(String line) throws LineFormatException;
    }

    /** A parser for one file: {@code header} is the file's first line when {@link #hasHeader()}, else {@code null}. */
    Parser<T> open(String header) throws LineFormatException;

    /** {@code true} if the first line of each file is a header: given to {@link #open}, never parsed as a record. */
    default boolean hasHeader() {
        return false;
    }

    /** {@code true} if lines that are empty or only white space are skipped instead of parsed. */
    default boolean skipsBlankLines() {
        return false;
    }

    /** The class of the records, or {@code null} when not known (then codecs are chosen when records cross). */
    default Class<T> producedType() {
        return null;
    }

    /** A short name for messages, such as {@code "csv"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * This format followed by {@code mapper}, for records of your own type. An exception thrown by the mapper
     * makes the line malformed: a {@link LineFormatException} keeps its column (the typed getters of
     * {@link CsvRow} throw those), any other exception becomes the reason.
     *
     * @param type   the class of the mapped records, or {@code null}
     * @param mapper turns a parsed record into the final one; called on reader threads, so stateless
     */
    default <R> LineFormat<R> map(Class<R> type, Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        LineFormat<T> base = this;
        return new LineFormat<>() {
            @Override
            public Parser<R> open(String header) {
                Parser<T> parser = base.open(header);
                return line -> {
                    T parsed = parser.parse(line);
                    R mapped;
                    try {
                        mapped = mapper.apply(parsed);
                    } catch (LineFormatException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new LineFormatException("the mapper failed: " + e, LineFormatException.UNKNOWN_COLUMN, e);
                    }
                    if (mapped == null) {
                        throw new LineFormatException("the mapper returned null", LineFormatException.UNKNOWN_COLUMN);
                    }
                    return mapped;
                };
            }

            @Override
            public boolean hasHeader() {
                return base.hasHeader();
            }

            @Override
            public boolean skipsBlankLines() {
                return base.skipsBlankLines();
            }

            @Override
            public Class<R> producedType() {
                return type;
            }

            @Override
            public String name() {
                return base.name() + " mapped";
            }
        };
    }

    /** Each line as a {@code String}, empty lines included. */
    static LineFormat<String> text() {
        return TextFormat.INSTANCE;
    }
}
