package io.weir.state.rocksdb;

import io.weir.spi.state.TimerEntry;

/**
 * A timer handed out by a timer store: (timestamp, key, namespace). Immutable.
 *
 * @param timestamp when it is due
 * @param key       the key it was registered for
 * @param namespace the namespace it was registered for
 * @param <N>       the namespace type
 */
record Timer<N>(long timestamp, Object key, N namespace) implements TimerEntry<N> {
}
