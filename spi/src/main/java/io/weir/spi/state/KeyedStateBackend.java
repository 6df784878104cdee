package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
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
 * <p>Lifecycle: created by {@link StateBackend#createKeyedBackend}; {@link #restore}d (on a restart
 * from a checkpoint) before any store is declared; used, with a {@link #snapshot} at every checkpoint
 * barrier; then {@link #close()}d once (which drops its state); no method may be called after
 * {@code close}.
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

    /**
     * The synchronous part of checkpoint {@code checkpointId}, on the task's thread at the barrier:
     * captures the state of every store and every timer (and restored state whose store was not declared
     * again yet) consistently, as cheaply as the backend can. The returned snapshot is written later,
     * possibly on another thread, while the task goes on changing the state: those changes do not reach it.
     *
     * @throws IllegalStateException if the backend cannot take a snapshot that another JVM can read (for
     *     example, its key codec is JVM-local), naming why
     */
    KeyedStateSnapshot snapshot(long checkpointId);

    /**
     * Loads, before any store is declared, the key groups of this backend's range from {@code handles},
     * written by backends of this operator with any ranges (so that the parallelism may change): key
     * groups outside this backend's range are not read. Stores (and timer stores) declared afterwards find
     * their restored entries, decoded with the codecs they are declared with.
     *
     * <p>Declaring a restored store with another kind, or with codecs of other types, throws
     * {@link IllegalStateException} naming the state.
     *
     * @throws IOException           naming the file and the key group if a file is missing, truncated or
     *                               corrupt (then the backend is unusable: close it)
     * @throws IllegalStateException if a store was declared already, or the handles were written by
     *                               another kind of backend or with another key codec
     */
    void restore(List<KeyedStateHandle> handles, StateFileReader reader) throws IOException;

    /** Releases everything the backend holds; its state is gone. */
    @Override
    void close();
}
