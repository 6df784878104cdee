package io.weir.api.state;

import io.weir.api.annotation.Stable;

/**
 * Keyed state: a value (or list, map, ...) kept per key of a keyed stream, and per namespace (such as
 * a window) where the runtime uses namespaces. A handle is obtained once, from a
 * {@link KeyedStateStore} in {@code open}, and every call on it reads or writes the state of the key
 * of the record (or timer) being processed.
 *
 * <p>Calling a method while no key is current (outside record or timer processing, or on a stream
 * that is not keyed) throws {@link IllegalStateException} naming the state.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: use a handle only from the subtask's thread, inside the function's methods.
 */
@Stable
public interface State {

    /** Removes the state of the current key (and namespace). */
    void clear();
}
