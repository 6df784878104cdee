package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * A configured state backend: creates the {@link KeyedStateBackend} of each keyed operator subtask,
 * and holds what they share (for example native resources). Lifecycle: created by
 * {@link StateBackendFactory#create}, then any number of {@link #createKeyedBackend} calls, then
 * {@link #close()} after every keyed backend it created has been closed.
 *
 * <h2>Thread safety</h2>
 * {@link #createKeyedBackend} must be thread-safe (subtasks open concurrently); the keyed backends
 * it returns are each confined to one thread.
 */
@Evolving
public interface StateBackend extends AutoCloseable {

    /**
     * A new, empty keyed backend for one operator subtask.
     *
     * @throws IllegalArgumentException if the parameters are inconsistent (naming what is wrong)
     */
    KeyedStateBackend createKeyedBackend(KeyedBackendParameters parameters);

    /** Releases shared resources. Does nothing by default. */
    @Override
    default void close() {
    }
}
