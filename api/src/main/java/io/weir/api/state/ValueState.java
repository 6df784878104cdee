package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * One value per key, as Flink's {@code ValueState}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: see {@link State}.
 *
 * @param <T> the value type
 */
@Stable
public interface ValueState<T> extends State {

    /** The value of the current key, or {@code null} when none was set (or it expired). */
    T value();

    /**
     * Sets the value of the current key; {@code update(null)} is {@link #clear()}. On the heap
     * backend the object itself is kept: do not mutate it after handing it over unless you update
     * it again.
     */
    void update(T value);
}
