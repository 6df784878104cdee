package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.datastream.OutputTag;

import java.util.Objects;

/**
 * A line that could not be read as a record, with where it is and why: what the job's error names
 * ({@link OnMalformed#FAIL}), what the side output carries ({@link OnMalformed#SIDE_OUTPUT}, through
 * {@link FileRecord#splitMalformed()} and {@link #TAG}) and what a dead-letter file holds as one JSON object
 * per line ({@link OnMalformed#DEAD_LETTER}).
 *
 * @param file   the file (absolute path)
 * @param line   the 1-based line number in the file
 * @param column the 1-based column (CSV field or JSON character), or 0 when not known
 * @param offset the byte offset of the line's start in the file
 * @param text   the line as read (bytes that are not UTF-8 shown as U+FFFD)
 * @param reason what is wrong
 */
@Evolving
public record MalformedLine(String file, long line, int column, long offset, String text, String reason) {
    /** The side output of malformed lines used by {@link FileRecord#splitMalformed()}. */
    public static final OutputTag<MalformedLine> TAG = new OutputTag<>("malformed-lines", MalformedLine.class);

    public MalformedLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code file, line L[, column C]: reason: text} (text shortened to 200 characters). */
    public String describe() {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return file + ", line " + line + (column > 0 ? ", column " + column : "") + ": " + reason + ": " + shown;
    }
}
