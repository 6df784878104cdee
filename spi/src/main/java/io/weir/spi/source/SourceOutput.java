package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

/**
 * Where a {@link SplitReader} emits records.
 *
 * <h2>Thread safety</h2>
 * Use only on the reader's thread, during {@link SplitReader#pollNext}.
 *
 * @param <T> record type
 */
@Evolving
public interface SourceOutput<T> {

    /** Emits a record without an event timestamp (a watermark strategy may assign one). */
    void collect(T record);

    /** Emits a record with its event timestamp in epoch milliseconds. */
    void collect(T record, long timestamp);
}
