package io.weir.api.state;

import io.weir.api.annotation.Stable;

import java.util.List;

/**
 * A list of values per key, as Flink's {@code ListState}. {@link #get()} returns the elements in the
 * order they were added, an empty {@code Iterable} when there are none. Elements must not be
 * {@code null} ({@link NullPointerException}).
 *
 * <p>The {@code Iterable} returned by {@code get()} may be a live view of the state (on the heap
 * backend it is): do not modify it, and do not keep iterating it after changing the state.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <T> the element type
 */
@Stable
public interface ListState<T> extends AppendingState<T, Iterable<T>> {

    /** Replaces the list of the current key with {@code values}; {@code null} or empty clears it. */
    void update(List<T> values);

    /** Appends every element of {@code values}, in order; {@code null} or empty changes nothing. */
    void addAll(List<T> values);
}
