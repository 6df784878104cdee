package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * Where a function obtains its keyed state handles, by descriptor. Call these methods once, in
 * {@code open}, and keep the handles: each handle reads and writes the state of whichever key is
 * current when it is used.
 *
 * <p>Asking twice for the same name returns the same handle. Asking for a name already used with a
 * different kind of state (or a different declared type) throws {@link IllegalStateException}
 * naming the state. A state's codec comes from the descriptor, or from the job's codec registry
 * (errors name the state). Outside a keyed stream every method throws {@link IllegalStateException}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: use it from the subtask's thread only.
 */
@Stable
public interface KeyedStateStore {

    /** A {@link ValueState} handle. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** A {@link ListState} handle. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** A {@link MapState} handle. */
    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    /** A {@link ReducingState} handle. */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** An {@link AggregatingState} handle. */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
