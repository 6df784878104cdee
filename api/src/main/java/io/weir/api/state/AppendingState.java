package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * State that values are added to, read as one result: the base of {@link ListState},
 * {@link ReducingState} and {@link AggregatingState}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <IN>  the type of the values added
 * @param <OUT> the type of the result
 */
@Stable
public interface AppendingState<IN, OUT> extends State {

    /**
     * The result for the current key: {@code null} when nothing was added, except for
     * {@link ListState}, which returns an empty {@code Iterable} and never {@code null}.
     */
    OUT get();

    /** Adds {@code value} to the state of the current key. */
    void add(IN value);
}
