package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * The keyed state and timers of one operator subtask. The runtime sets the key of each record (or
 * timer) with {@link #setCurrentKey} and then reads and writes the stores, which address
 * (current key, namespace). Every entry lives in the key group of its key, so that the state of a
 * range of key groups can be enumerated ({@link KeyedStore#cursor}, {@link TimerStore#timers}),
 * snapshotted and moved to another subtask when the parallelism changes.
 *
 * <p>Stores are declared by {@link StoreSpec}: asking again for a name of the same kind returns the
 * same store (the codecs of the first declaration stay); asking for a name already used by another
 * kind of store throws {@link IllegalStateException} naming the store. Timer stores have names of
 * their own.
 *
 * <p>Lifecycle: created by {@link StateBackend#createKeyedBackend}, used, then {@link #close()}d
 * once (which drops its state); no method may be called after {@code close}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the backend and its stores are used by the subtask's thread only (which may
 * change across lifecycle phases, with a happens-before edge between them).
 */
@Evolving
public interface KeyedStateBackend extends AutoCloseable {

    /** What this backend was created for. */
    KeyedBackendParameters parameters();

    /** The key groups this backend owns. */
    default KeyGroupRange keyGroupRange() {
        return parameters().keyGroupRange();
    }

    /**
     * Makes {@code key} (not null), which the caller has hashed to {@code keyGroup}, the key that the
     * stores address.
     *
     * @throws IllegalArgumentException if {@code keyGroup} is not in {@link #keyGroupRange()}
     */
    void setCurrentKey(Object key, int keyGroup);

    /** The current key, or {@code null} before the first {@link #setCurrentKey}. */
    Object currentKey();

    /** The current key's key group, or -1 before the first {@link #setCurrentKey}. */
    int currentKeyGroup();

    /** The value store declared by {@code spec} (created on first use). */
    <N, V> ValueStore<N, V> valueStore(ValueStoreSpec<N, V> spec);

    /** The list store declared by {@code spec} (created on first use). */
    <N, E> ListStore<N, E> listStore(ListStoreSpec<N, E> spec);

    /** The map store declared by {@code spec} (created on first use). */
    <N, K, V> MapStore<N, K, V> mapStore(MapStoreSpec<N, K, V> spec);

    /** The timer store declared by {@code spec} (created on first use). */
    <N> TimerStore<N> timerStore(TimerStoreSpec<N> spec);

    /** Every state store created so far, in creation order. */
    List<KeyedStore<?, ?>> stores();

    /** Every timer store created so far, in creation order. */
    List<TimerStore<?>> timerStores();

    /** Releases everything the backend holds; its state is gone. */
    @Override
    void close();
}
