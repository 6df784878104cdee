package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Receives the records a function emits. Valid only during the call that received it. Emitting
 * {@code null} fails the job with an error naming the operator.
 *
 * @param <T> record type
 */
@Stable
public interface Collector<T> {
    void collect(T record);
}
