package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Incremental aggregation with an accumulator, as Flink's {@code AggregateFunction}: used by window
 * {@code aggregate} and by {@code AggregatingState}. {@code merge} combines two accumulators (session
 * windows that merge, slices of sliding windows), so it must be consistent with {@code add}.
 * Accumulators may be mutated and returned by {@code add} and {@code merge}.
 *
 * @param <IN>  input type
 * @param <ACC> accumulator type
 * @param <OUT> result type
 */
@Stable
public interface AggregateFunction<IN, ACC, OUT> extends java.io.Serializable {

    /** A new, empty accumulator. */
    ACC createAccumulator();

    /** Adds {@code value} to {@code accumulator}; returns the updated accumulator. */
    ACC add(IN value, ACC accumulator);

    /** The result for {@code accumulator}. */
    OUT getResult(ACC accumulator);

    /** Merges two accumulators; returns the merged one. */
    ACC merge(ACC a, ACC b);
}
