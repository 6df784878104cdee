package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;

/**
 * Writes the records of one parallel sink subtask.
 *
 * <p>Lifecycle: many {@link #write} calls; {@link #flush(boolean)} at checkpoints and with
 * {@code endOfInput = true} once when the input ends; {@link #close()} on every path.
 *
 * <h2>Thread safety</h2>
 * Called from the subtask's thread only.
 *
 * @param <T> record type
 */
@Evolving
public interface SinkWriter<T> extends AutoCloseable {

    /** Writes one record with its timestamp ({@code Long.MIN_VALUE} when it has none). */
    void write(T record, long timestamp) throws Exception;

    /** Makes everything written so far durable (as far as the sink's guarantee goes). */
    void flush(boolean endOfInput) throws Exception;

    @Override
    void close() throws Exception;
}
