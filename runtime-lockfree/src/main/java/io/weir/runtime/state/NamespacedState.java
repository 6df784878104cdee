package io.weir.runtime.state;

import io.weir.api.state.State;

import java.util.Collection;

/**
 * A keyed state whose handle reads and writes (current key, namespace), where the operator sets the
 * namespace (a window, for window operators) before using {@link #state()}. Obtained from
 * {@link KeyedStateManager#namespacedState}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the task's thread only.
 *
 * @param <N> the namespace type
 * @param <S> the handle type ({@code ListState<T>}, {@code ReducingState<T>}, ...)
 */
public interface NamespacedState<N, S extends State> {

    /** Makes {@code namespace} (not null) the one {@link #state()} addresses. */
    void setNamespace(N namespace);

    /**
     * The handle; always the same object. Using it before {@link #setNamespace} throws
     * {@link IllegalStateException}.
     */
    S state();

    /**
     * Merges the state of every namespace in {@code sources} into {@code target}, for the current key,
     * and clears the sources, as Flink's {@code InternalMergingState}: list state concatenates;
     * reducing state reduces with its function; aggregating state merges accumulators with
     * {@code AggregateFunction.merge}. {@code target} may be among the sources. Does not change the
     * namespace set with {@link #setNamespace}.
     *
     * @throws UnsupportedOperationException for value and map state, which cannot merge
     * @throws IllegalStateException         if no key is current
     */
    void mergeNamespaces(N target, Collection<N> sources);
}
