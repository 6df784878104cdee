package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * An accumulator per key that added values are aggregated into with the descriptor's
 * {@link io.weir.api.functions.AggregateFunction}, as Flink's {@code AggregatingState}: the first
 * {@code add} creates the accumulator; {@link #get()} is {@code getResult(accumulator)}, or
 * {@code null} when nothing was added. {@code add(null)} clears the state.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <IN>  the type of the values added
 * @param <OUT> the type of the result
 */
@Stable
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {
}
