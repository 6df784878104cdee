package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;

/**
 * Extracts a record's event timestamp (epoch milliseconds).
 *
 * @param <T> record type
 */
@Stable
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** The timestamp a record has when none was assigned before. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The event time of {@code element}; {@code recordTimestamp} is its current one, or {@link #NO_TIMESTAMP}. */
    long extractTimestamp(T element, long recordTimestamp);
}
