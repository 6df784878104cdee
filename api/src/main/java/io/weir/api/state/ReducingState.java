package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * One value per key that every added value is combined into with the descriptor's
 * {@link io.weir.api.functions.ReduceFunction}, as Flink's {@code ReducingState}: the first value
 * is kept as it is, each later one is reduced into it. {@code add(null)} clears the state (as Flink's
 * heap backend does); {@link #get()} is {@code null} when nothing was added.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <T> the value type
 */
@Stable
public interface ReducingState<T> extends AppendingState<T, T> {
}
