package io.weir.spi.testing;

import io.weir.spi.source.SourceOutput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link SourceOutput} that keeps every record a reader emits, in order, with its timestamp
 * ({@link #NO_TIMESTAMP} for a record emitted without one).
 *
 * <p>Not thread safe: one test thread polls the reader.
 *
 * @param <T> the record type
 */
public final class TestSourceOutput<T> implements SourceOutput<T> {
    /** The timestamp kept for a record emitted through {@link #collect(Object)}. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final List<T> records = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();

    @Override
    public void collect(T record) {
        collect(record, NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
        timestamps.add(timestamp);
    }

    /** The records emitted so far, in order. */
    public List<T> records() {
        return Collections.unmodifiableList(records);
    }

    /** The timestamps of {@link #records()}, position by position. */
    public List<Long> timestamps() {
        return Collections.unmodifiableList(timestamps);
    }
}
