package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Joins one pair of records with equal keys in the same window (window join).
 *
 * @param <L> left record type
 * @param <R> right record type
 * @param <O> output type
 */
@Stable
@FunctionalInterface
public interface JoinFunction<L, R, O> extends java.io.Serializable {
    O join(L left, R right) throws Exception;
}
