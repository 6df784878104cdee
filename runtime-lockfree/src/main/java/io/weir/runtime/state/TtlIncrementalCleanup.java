package io.weir.runtime.state;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStore;

/**
 * Incremental TTL cleanup of one store, as Flink's heap backend does it: each {@link #run()} checks
 * the next {@code cleanupSize} entries for expiry, walking the store's key groups round robin with a
 * cursor that survives between runs, and removes (or trims) what has expired.
 *
 * @param <N> the namespace type
 * @param <R> the raw whole-value type (a {@code TtlValue}, a list or a map of them)
 */
final class TtlIncrementalCleanup<N, R> {

    /** Purges one entry's whole value: the same object if nothing expired, null if all did, else the rest. */
    @FunctionalInterface
    interface Purge<R> {
        R purge(R value, long now);
    }

    private final KeyedStore<N, R> store;
    private final TtlContext ttl;
    private final Purge<R> purge;
    private final int cleanupSize;
    private final KeyGroupRange range;
    private int nextKeyGroup;
    private EntryCursor<N, R> cursor;

    TtlIncrementalCleanup(KeyedStore<N, R> store, KeyGroupRange range, TtlContext ttl, Purge<R> purge) {
        this.store = store;
        this.ttl = ttl;
        this.purge = purge;
        this.cleanupSize = range.isEmpty() ? 0 : ttl.config.cleanupSize();
        this.range = range;
        this.nextKeyGroup = range.first();
    }

    /** Whether {@link #run()} does anything. */
    boolean enabled() {
        return cleanupSize > 0;
    }

    /** Checks up to {@code cleanupSize} entries; stops early after one pass over empty key groups. */
    void run() {
        if (cleanupSize == 0) {
            return;
        }
        long now = ttl.now();
        int budget = cleanupSize;
        int freshCursors = 0;
        while (budget > 0) {
            if (cursor == null) {
                if (freshCursors++ > range.size()) {
                    return; // every key group is empty
                }
                cursor = store.cursor(nextKeyGroup);
                nextKeyGroup = nextKeyGroup == range.last() ? range.first() : nextKeyGroup + 1;
            }
            if (!cursor.next()) {
                cursor = null;
                continue;
            }
            budget--;
            R value = cursor.value();
            R purged = purge.purge(value, now);
            if (purged == null) {
                cursor.remove();
            } else if (purged != value) {
                cursor.update(purged);
            }
        }
    }
}
