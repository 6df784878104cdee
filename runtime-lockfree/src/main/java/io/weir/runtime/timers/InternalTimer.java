package io.weir.runtime.timers;

/**
 * A timer handed to a {@link Triggerable} when it fires: its timestamp, and the key and namespace it
 * was registered for (the key is already the current key of the state when the callback runs).
 *
 * @param timestamp when the timer was due
 * @param key       the key it was registered for
 * @param namespace the namespace it was registered for (such as a window)
 * @param <N>       the namespace type
 */
public record InternalTimer<N>(long timestamp, Object key, N namespace) {
}
