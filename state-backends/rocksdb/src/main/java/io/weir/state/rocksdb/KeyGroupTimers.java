package io.weir.state.rocksdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-memory view of one key group's timer rows in RocksDB: the first rows in row order (so by
 * timestamp), at most {@link #CAPACITY}, so that the earliest timer is known without reading the database
 * and firing timers rarely seeks. Invariants: the cache is a prefix of the key group's rows in order;
 * {@code complete} means it holds all of them; every row not cached is {@code >= floor}, from where a
 * refill seeks (so that it does not step over the rows polled before).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe.
 */
final class KeyGroupTimers {
    static final int CAPACITY = 128;

    private final List<byte[]> cache = new ArrayList<>();
    private boolean complete;
    private byte[] floor;

    /** @param complete whether the key group is known to hold no row yet */
    KeyGroupTimers(boolean complete) {
        this.complete = complete;
    }

    private int find(byte[] row) {
        return Collections.binarySearch(cache, row, RowLayout::compare);
    }

    /** Whether {@code row} is there, when the cache alone tells; otherwise null (ask the database). */
    Boolean containsCached(byte[] row) {
        int at = find(row);
        if (at >= 0) {
            return Boolean.TRUE;
        }
        return complete || -at - 1 < cache.size() ? Boolean.FALSE : null;
    }

    /** Notes a row just written to the database. */
    void added(byte[] row) {
        int insertion = -find(row) - 1;
        if (complete || insertion < cache.size()) {
            cache.add(insertion, row);
            if (cache.size() > CAPACITY) {
                cache.removeLast();
                complete = false;
            }
        } else if (floor != null && RowLayout.compare(row, floor) < 0) {
            floor = row;
        }
    }

    /** Notes a row just deleted from the database. */
    void removed(byte[] row) {
        int at = find(row);
        if (at >= 0) {
            cache.remove(at);
            if (floor == null || RowLayout.compare(row, floor) > 0) {
                floor = row;
            }
        }
    }

    /** Whether the cache is empty while the database may hold more rows. */
    boolean needsRefill() {
        return cache.isEmpty() && !complete;
    }

    /** Where a refill starts reading, or null for the start of the key group. */
    byte[] floor() {
        return floor;
    }

    /** Fills the empty cache with the rows read from {@link #floor()}: all there are when fewer than {@link #CAPACITY}. */
    void refilled(List<byte[]> rows) {
        cache.addAll(rows);
        complete = rows.size() < CAPACITY;
    }

    /** The earliest row, or null when there is none (call {@link #needsRefill()} first). */
    byte[] first() {
        return cache.isEmpty() ? null : cache.getFirst();
    }
}
