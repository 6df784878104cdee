package io.weir.connectors.files;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one record as the bytes of one line, without the line separator: the {@link FileSink} adds
 * {@code '\n'} after each record. An encoder must not close {@code out} (closing is ignored) and must
 * not write a {@code '\n'} of its own unless a record is meant to span several lines.
 *
 * <h2>Thread safety</h2>
 * One encoder is shared by every subtask of the sink: it must be stateless or thread-safe.
 *
 * @param <T> record type
 */
@Evolving
@FunctionalInterface
public interface LineEncoder<T> {

    /** Writes {@code record} to {@code out}. An exception fails the job. */
    void encode(T record, OutputStream out) throws IOException;

    /** The default: {@code record.toString()} in UTF-8. */
    static <T> LineEncoder<T> utf8ToString() {
        return (record, out) -> out.write(record.toString().getBytes(StandardCharsets.UTF_8));
    }
}
