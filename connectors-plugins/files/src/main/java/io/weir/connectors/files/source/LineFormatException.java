package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

/**
 * A line that a {@link LineFormat} cannot turn into a record: a CSV row with the wrong number of columns or
 * an unparsable value, text that is not JSON, bytes that are not UTF-8. The reader adds the file and the line
 * number and then fails the job, emits a {@link MalformedLine} or writes it to the dead-letter file,
 * as {@link OnMalformed} says.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
@Evolving
public final class LineFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** {@link #column()} when the column is not known. */
    public static final int UNKNOWN_COLUMN = 0;

    private final int column;

    /**
     * @param reason what is wrong, such as {@code "expected 3 columns, found 4"}
     * @param column the 1-based column (CSV field or JSON character) where the problem is, or {@link #UNKNOWN_COLUMN}
     */
    public LineFormatException(String reason, int column) {
        this(reason, column, null);
    }

    /** As {@link #LineFormatException(String, int)}, with the parser's exception as cause. */
    public LineFormatException(String reason, int column, Throwable cause) {
        super(reason, cause);
        this.column = Math.max(UNKNOWN_COLUMN, column);
    }

    /** What is wrong. */
    public String reason() {
        return getMessage();
    }

    /** The 1-based column of the problem, or {@link #UNKNOWN_COLUMN}. */
    public int column() {
        return column;
    }
}
