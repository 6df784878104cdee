package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Turns each input into zero, one or more outputs, emitted through the {@link Collector} during the
 * call (the collector must not be kept after the call returns).
 *
 * @param <T> input type
 * @param <R> output type
 */
@Stable
@FunctionalInterface
public interface FlatMapFunction<T, R> extends java.io.Serializable {
    void flatMap(T value, Collector<R> out) throws Exception;
}
