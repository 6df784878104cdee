package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

import java.util.Objects;

/**
 * A byte range {@code [start, end)} of one file and the position reached in it. The block owns the lines
 * that start inside it: a reader of a block with {@code start > 0} skips to the first line break at or after
 * {@code start - 1}, and reads every line that starts before {@code end}, including the one that crosses it
 * (as Hadoop's and Flink's delimited formats do). So the blocks of a file share its lines exactly once.
 *
 * @param path            the file (absolute)
 * @param start           first byte of the block
 * @param end             first byte after the block
 * @param offset          where reading resumes: {@code start} before the first line, then the byte after the
 *                        last line read (always the start of a line, or the end)
 * @param line            the 1-based number in the file of the line at {@code offset}, or 0 when not yet known
 *                        (it is counted only when a malformed line needs it)
 * @param deadLetterBytes the length of this block's dead-letter file at this position (0 when it has none)
 */
@Evolving
public record FileBlock(String path, long start, long end, long offset, long line, long deadLetterBytes)
        implements FileSplit {
    public FileBlock {
        Objects.requireNonNull(path, "path");
        if (start < 0 || end < start || offset < start || line < 0 || deadLetterBytes < 0) {
            throw new IllegalArgumentException("bad file block " + path + " [" + start + ", " + end + ") at " + offset
                    + ", line " + line + ", dead letters " + deadLetterBytes);
        }
    }

    /** A block not yet read. */
    public static FileBlock of(String path, long start, long end) {
        return new FileBlock(path, start, end, start, start == 0 ? 1 : 0, 0);
    }

    @Override
    public String splitId() {
        return path + "@" + start;
    }

    /** This block at another position. */
    FileBlock at(long newOffset, long newLine, long newDeadLetterBytes) {
        return new FileBlock(path, start, end, newOffset, newLine, newDeadLetterBytes);
    }
}
