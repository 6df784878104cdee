package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import io.weir.spi.state.TimerStoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.util.ArrayList;
import java.util.List;

/**
 * Timers in a RocksDB column family, one row per timer ({@code keyGroup | timestamp | key | namespace},
 * {@link RowLayout}), so that the timers of a key group iterate in timestamp order and a timer is unique by
 * construction. In memory: the first rows of each key group ({@link KeyGroupTimers}) and a heap of key
 * groups by earliest timestamp ({@link KeyGroupQueue}), so that {@link #peekTimestamp()} reads no database
 * and timers fire in timestamp order across key groups (equal timestamps: by key group, then by row).
 */
final class RocksDbTimerStore<N> implements TimerStore<N> {
    private static final byte[] EMPTY = new byte[0];

    private final RocksDbKeyedStateBackend backend;
    private final TimerStoreSpec<N> spec;
    private final RocksDbInstance db;
    private final ColumnFamilyHandle family;
    private final Codec<N> namespaceCodec;
    private final KeyGroupRange range;
    private final KeyGroupTimers[] groups;
    private final KeyGroupQueue queue;
    private final ByteArrayCodecOutput row = new ByteArrayCodecOutput(64);
    private final ByteArrayCodecOutput scratch = new ByteArrayCodecOutput(32);
    private final RowLayout.Parts parts = new RowLayout.Parts();
    private final String description;
    private int size;

    /** @param restored whether the column family may hold rows already (then they are counted and cached) */
    RocksDbTimerStore(RocksDbKeyedStateBackend backend, TimerStoreSpec<N> spec, ColumnFamilyHandle family,
                      boolean restored) {
        this.backend = backend;
        this.spec = spec;
        this.db = backend.instance();
        this.family = family;
        this.namespaceCodec = spec.namespaceCodec();
        this.range = backend.keyGroupRange();
        this.description = "timer store '" + spec.name() + "'";
        int count = Math.max(0, range.size());
        this.groups = new KeyGroupTimers[count];
        this.queue = new KeyGroupQueue(count);
        for (int i = 0; i < count; i++) {
            groups[i] = new KeyGroupTimers(true);
        }
        if (restored && count > 0) {
            load();
        }
    }

    /** Counts the restored rows and caches the first ones of each key group, in one scan. */
    private void load() {
        List<List<byte[]>> first = new ArrayList<>(groups.length);
        for (int i = 0; i < groups.length; i++) {
            first.add(new ArrayList<>());
        }
        try (RowScan scan = new RowScan(db, family, RowLayout.keyGroupPrefix(range.first()),
                RowLayout.keyGroupPrefix(range.last() + 1), false)) {
            for (; scan.valid(); scan.next()) {
                byte[] r = scan.key();
                List<byte[]> rows = first.get(RowLayout.keyGroup(r) - range.first());
                if (rows.size() <= KeyGroupTimers.CAPACITY) {
                    rows.add(r);
                }
                size++;
            }
        }
        for (int i = 0; i < groups.length; i++) {
            List<byte[]> rows = first.get(i);
            groups[i] = new KeyGroupTimers(false);
            groups[i].refilled(rows.size() > KeyGroupTimers.CAPACITY ? rows.subList(0, KeyGroupTimers.CAPACITY) : rows);
            refresh(i);
        }
    }

    @Override
    public TimerStoreSpec<N> spec() {
        return spec;
    }

    /** The row of (current key, namespace, timestamp). */
    private byte[] rowOf(N namespace, long timestamp) {
        backend.requireKey(description);
        scratch.reset();
        namespaceCodec.encode(namespace, scratch);
        return RowLayout.timerRow(row, backend.currentKeyGroup(), timestamp, backend.keyBytes(),
                backend.keyBytesLength(), scratch.array(), scratch.size());
    }

    private boolean exists(KeyGroupTimers group, byte[] r) {
        Boolean cached = group.containsCached(r);
        if (cached != null) {
            return cached;
        }
        try {
            return db.db().get(family, db.readOptions(), r) != null;
        } catch (RocksDBException e) {
            throw backend.failure("cannot read " + description, e);
        }
    }

    @Override
    public boolean add(N namespace, long timestamp) {
        byte[] r = rowOf(namespace, timestamp);
        int index = backend.currentKeyGroup() - range.first();
        KeyGroupTimers group = groups[index];
        if (exists(group, r)) {
            return false;
        }
        try {
            db.db().put(family, db.writeOptions(), r, EMPTY);
        } catch (RocksDBException e) {
            throw backend.failure("cannot write " + description, e);
        }
        group.added(r);
        size++;
        refresh(index);
        return true;
    }

    @Override
    public boolean remove(N namespace, long timestamp) {
        byte[] r = rowOf(namespace, timestamp);
        int index = backend.currentKeyGroup() - range.first();
        if (!exists(groups[index], r)) {
            return false;
        }
        delete(index, r);
        return true;
    }

    private void delete(int index, byte[] r) {
        try {
            db.db().delete(family, db.writeOptions(), r);
        } catch (RocksDBException e) {
            throw backend.failure("cannot delete from " + description, e);
        }
        groups[index].removed(r);
        size--;
        refresh(index);
    }

    @Override
    public boolean contains(N namespace, long timestamp) {
        byte[] r = rowOf(namespace, timestamp);
        return exists(groups[backend.currentKeyGroup() - range.first()], r);
    }

    /** Re-reads the earliest row of key group {@code index} (refilling its cache) and re-orders the queue. */
    private void refresh(int index) {
        KeyGroupTimers group = groups[index];
        if (group.needsRefill()) {
            int keyGroup = range.first() + index;
            byte[] from = group.floor() != null ? group.floor() : RowLayout.keyGroupPrefix(keyGroup);
            List<byte[]> rows = new ArrayList<>();
            try (RowScan scan = new RowScan(db, family, from, RowLayout.keyGroupPrefix(keyGroup + 1))) {
                for (; scan.valid() && rows.size() < KeyGroupTimers.CAPACITY; scan.next()) {
                    rows.add(scan.key());
                }
            }
            group.refilled(rows);
        }
        byte[] first = group.first();
        queue.update(index, first != null, first == null ? 0 : RowLayout.timestamp(first));
    }

    @Override
    public long peekTimestamp() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.timestamp(queue.peek());
    }

    @Override
    public TimerEntry<N> poll(long maxTimestamp) {
        if (queue.isEmpty()) {
            return null;
        }
        int index = queue.peek();
        if (queue.timestamp(index) > maxTimestamp) {
            return null;
        }
        byte[] r = groups[index].first();
        delete(index, r);
        return decode(r);
    }

    private Timer<N> decode(byte[] r) {
        parts.parse(r, RowLayout.TIMER_KEY_OFFSET);
        Object key = backend.keyCodec().decode(new ByteArrayCodecInput(r, parts.keyOffset, parts.keyLength));
        N namespace = namespaceCodec.decode(new ByteArrayCodecInput(r, parts.namespaceOffset, parts.namespaceLength));
        return new Timer<>(RowLayout.timestamp(r), key, namespace);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<TimerEntry<N>> timers(int keyGroup) {
        backend.requireOwned(keyGroup);
        List<TimerEntry<N>> timers = new ArrayList<>();
        try (RowScan scan = new RowScan(db, family, RowLayout.keyGroupPrefix(keyGroup),
                RowLayout.keyGroupPrefix(keyGroup + 1))) {
            for (; scan.valid(); scan.next()) {
                timers.add(decode(scan.key()));
            }
        }
        return timers;
    }

    @Override
    public String toString() {
        return "RocksDbTimerStore[" + spec.name() + ", " + size + " timers]";
    }
}
