package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Combines two values of the same key into one; used by rolling {@code reduce} on keyed streams and
 * by incremental window aggregation. Should be associative: the runtime may combine in any grouping.
 *
 * @param <T> value type
 */
@Stable
@FunctionalInterface
public interface ReduceFunction<T> extends java.io.Serializable {
    T reduce(T accumulated, T value) throws Exception;
}
