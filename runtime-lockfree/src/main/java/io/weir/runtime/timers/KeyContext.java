package io.weir.runtime.timers;

/**
 * The current key of a keyed operator subtask, as the timers see it: they read it to register timers
 * and set it before a timer's callback. Implemented by {@code io.weir.runtime.state.KeyedStateManager}.
 */
public interface KeyContext {

    /** The current key, or {@code null} when none is set. */
    Object currentKey();

    /** Makes {@code key} the current key of the state and the timers. */
    void setCurrentKey(Object key);

    /**
     * Makes the state backend address the current key, if it was set without being handed to the backend
     * yet (see {@code KeyedStateManager.setCurrentKeyLazily}); called before a timer is registered or deleted.
     */
    void bindCurrentKey();
}
