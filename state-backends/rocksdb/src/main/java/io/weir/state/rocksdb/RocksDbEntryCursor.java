package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.spi.state.EntryCursor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The entries of one key group of a RocksDB store, in row order. It reads the entry prefixes
 * ({@code keyGroup | key | namespace}) in batches, each with a short-lived iterator (so that the cursor
 * holds no native resource and may live across calls, as TTL cleanup keeps it), and reads each entry's
 * value when it steps onto it: an entry removed since the batch was read is skipped; one added after the
 * position was passed is not visited; none is visited twice, since each batch starts after the last.
 *
 * @param <N> the namespace type
 * @param <V> the type of an entry's whole value
 */
final class RocksDbEntryCursor<N, V> implements EntryCursor<N, V> {
    /** Entries read per iterator. */
    static final int BATCH = 256;

    private final RocksDbStore<N, V> store;
    private final byte[] end;
    private final RowLayout.Parts parts = new RowLayout.Parts();
    private byte[] from;
    private boolean exhausted;
    private List<byte[]> batch = List.of();
    private int next;
    private byte[] entry;
    private V value;
    private Object key;
    private N namespace;
    private boolean decoded;

    RocksDbEntryCursor(RocksDbStore<N, V> store, int keyGroup) {
        this.store = store;
        this.from = RowLayout.keyGroupPrefix(keyGroup);
        this.end = RowLayout.keyGroupPrefix(keyGroup + 1);
    }

    @Override
    public boolean next() {
        while (true) {
            if (next == batch.size() && !fill()) {
                entry = null;
                return false;
            }
            byte[] candidate = batch.get(next++);
            V current = store.readEntry(candidate);
            if (current != null) {
                entry = candidate;
                value = current;
                decoded = false;
                return true;
            }
        }
    }

    private boolean fill() {
        if (exhausted) {
            return false;
        }
        List<byte[]> entries = new ArrayList<>();
        byte[] previous = null;
        try (RowScan scan = new RowScan(store.db, store.family, from, end)) {
            for (; scan.valid(); scan.next()) {
                byte[] row = scan.key();
                int length = store.entryLength(row, parts.parse(row, RowLayout.STATE_KEY_OFFSET));
                if (previous != null && previous.length == length && Arrays.equals(previous, 0, length, row, 0, length)) {
                    continue; // another row of the same map entry
                }
                if (entries.size() == BATCH) {
                    break;
                }
                previous = length == row.length ? row : Arrays.copyOf(row, length);
                entries.add(previous);
            }
            exhausted = !scan.valid();
        }
        batch = entries;
        next = 0;
        if (!entries.isEmpty()) {
            byte[] last = entries.getLast();
            from = RowLayout.successor(last, last.length);
        }
        return !entries.isEmpty();
    }

    private void requireEntry() {
        if (entry == null) {
            throw new IllegalStateException("the cursor of store '" + store.name + "' has no current entry");
        }
    }

    private void decode() {
        requireEntry();
        if (!decoded) {
            parts.parse(entry, RowLayout.STATE_KEY_OFFSET);
            key = store.backend.keyCodec().decode(new ByteArrayCodecInput(entry, parts.keyOffset, parts.keyLength));
            namespace = store.namespaces.decode(entry, parts.namespaceOffset, parts.namespaceLength);
            decoded = true;
        }
    }

    @Override
    public Object key() {
        decode();
        return key;
    }

    @Override
    public N namespace() {
        decode();
        return namespace;
    }

    @Override
    public V value() {
        requireEntry();
        return value;
    }

    @Override
    public void remove() {
        requireEntry();
        store.removeEntry(entry);
    }

    @Override
    public void update(V newValue) {
        requireEntry();
        store.updateEntry(entry, Objects.requireNonNull(newValue, "value (use remove())"));
        value = newValue;
    }
}
