package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.MapStoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Map state in RocksDB: one row per map entry ({@code keyGroup | key | namespace | mapKey}), so that a
 * get or put touches one entry, never the whole map. Iteration reads the rows of (key, namespace) in
 * batches ({@link #BATCH}), each with a short-lived RocksDB iterator, so that no native iterator outlives
 * a call.
 */
final class RocksDbMapStore<N, K, V> extends RocksDbStore<N, Map<K, V>> implements MapStore<N, K, V> {
    /** Rows read per iterator. */
    static final int BATCH = 256;

    private final MapStoreSpec<N, K, V> spec;
    private final Codec<K> mapKeyCodec;
    private final Codec<V> mapValueCodec;

    RocksDbMapStore(RocksDbKeyedStateBackend backend, MapStoreSpec<N, K, V> spec, ColumnFamilyHandle family) {
        super(backend, spec, family, spec.namespaceCodec());
        this.spec = spec;
        this.mapKeyCodec = spec.mapKeyCodec();
        this.mapValueCodec = spec.mapValueCodec();
    }

    @Override
    public MapStoreSpec<N, K, V> spec() {
        return spec;
    }

    /** Builds the row of (current key, namespace, mapKey) in {@link #row}. */
    private void rowOf(N namespace, K mapKey) {
        Objects.requireNonNull(mapKey, "a map key must not be null");
        rowOf(namespace);
        mapKeyCodec.encode(mapKey, row);
    }

    @Override
    public V get(N namespace, K mapKey) {
        rowOf(namespace, mapKey);
        try {
            byte[] bytes = db.db().get(family, db.readOptions(), row.array(), 0, row.size());
            return bytes == null ? null : mapValueCodec.decode(input.reset(bytes, 0, bytes.length));
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public boolean contains(N namespace, K mapKey) {
        rowOf(namespace, mapKey);
        try {
            return db.db().get(family, db.readOptions(), row.array(), 0, row.size()) != null;
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public void put(N namespace, K mapKey, V value) {
        rowOf(namespace, mapKey);
        scratch.reset();
        mapValueCodec.encode(value, scratch);
        try {
            db.db().put(family, db.writeOptions(), row.array(), 0, row.size(), scratch.array(), 0, scratch.size());
        } catch (RocksDBException e) {
            throw failure("cannot write", e);
        }
    }

    @Override
    public void putAll(N namespace, Map<K, V> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<K, V> e : entries.entrySet()) {
                rowOf(namespace, e.getKey());
                scratch.reset();
                mapValueCodec.encode(e.getValue(), scratch);
                batch.put(family, rowCopy(), scratch.toByteArray());
            }
            db.db().write(db.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("cannot write", e);
        }
    }

    @Override
    public void remove(N namespace, K mapKey) {
        rowOf(namespace, mapKey);
        try {
            db.db().delete(family, db.writeOptions(), row.array(), 0, row.size());
        } catch (RocksDBException e) {
            throw failure("cannot delete from", e);
        }
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator(N namespace) {
        rowOf(namespace);
        return new Entries(rowCopy());
    }

    @Override
    public boolean isEmpty(N namespace) {
        rowOf(namespace);
        return readRows(rowCopy(), rowCopy(), 1).isEmpty();
    }

    @Override
    public void clear(N namespace) {
        rowOf(namespace);
        removeEntry(rowCopy());
    }

    /** Up to {@code max} rows (key, value) from {@code from} that start with {@code prefix}. */
    private List<byte[][]> readRows(byte[] prefix, byte[] from, int max) {
        List<byte[][]> rows = new ArrayList<>(Math.min(max, 16));
        try (RowScan scan = new RowScan(db, family, from, RowLayout.successor(prefix, prefix.length))) {
            for (; scan.valid() && rows.size() < max; scan.next()) {
                rows.add(new byte[][]{scan.key(), scan.value()});
            }
        }
        return rows;
    }

    private Map.Entry<K, V> decode(byte[][] kv, int mapKeyOffset) {
        K key = mapKeyCodec.decode(new ByteArrayCodecInput(kv[0], mapKeyOffset, kv[0].length - mapKeyOffset));
        V value = mapValueCodec.decode(new ByteArrayCodecInput(kv[1]));
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    @Override
    Map<K, V> readEntry(byte[] entry) {
        Map<K, V> map = new HashMap<>();
        byte[] from = entry;
        while (true) {
            List<byte[][]> rows = readRows(entry, from, BATCH);
            for (byte[][] kv : rows) {
                Map.Entry<K, V> e = decode(kv, entry.length);
                map.put(e.getKey(), e.getValue());
            }
            if (rows.size() < BATCH) {
                return map.isEmpty() ? null : map;
            }
            from = after(rows.getLast()[0]);
        }
    }

    @Override
    void removeEntry(byte[] entry) {
        byte[] from = entry;
        while (true) {
            List<byte[][]> rows = readRows(entry, from, BATCH);
            try (WriteBatch batch = new WriteBatch()) {
                for (byte[][] kv : rows) {
                    batch.delete(family, kv[0]);
                }
                db.db().write(db.writeOptions(), batch);
            } catch (RocksDBException e) {
                throw failure("cannot delete from", e);
            }
            if (rows.size() < BATCH) {
                return;
            }
            from = after(rows.getLast()[0]);
        }
    }

    @Override
    void updateEntry(byte[] entry, Map<K, V> map) {
        removeEntry(entry);
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<K, V> e : map.entrySet()) {
                row.reset();
                row.writeBytes(entry, 0, entry.length);
                mapKeyCodec.encode(Objects.requireNonNull(e.getKey(), "a map key must not be null"), row);
                scratch.reset();
                mapValueCodec.encode(e.getValue(), scratch);
                batch.put(family, rowCopy(), scratch.toByteArray());
            }
            db.db().write(db.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("cannot write", e);
        }
    }

    @Override
    int entryLength(byte[] row, RowLayout.Parts parts) {
        return parts.restOffset;
    }

    /** The smallest row after {@code row}. */
    private static byte[] after(byte[] row) {
        return Arrays.copyOf(row, row.length + 1);
    }

    /** The entries of one map, read in batches; {@code remove()} deletes the last one returned. */
    private final class Entries implements Iterator<Map.Entry<K, V>> {
        private final byte[] prefix;
        private List<byte[][]> batch = List.of();
        private int next;
        private byte[] from;
        private boolean exhausted;
        private byte[] last;

        Entries(byte[] prefix) {
            this.prefix = prefix;
            this.from = prefix;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            batch = readRows(prefix, from, BATCH);
            next = 0;
            exhausted = batch.size() < BATCH;
            if (!batch.isEmpty()) {
                from = after(batch.getLast()[0]);
            }
            return !batch.isEmpty();
        }

        @Override
        public Map.Entry<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[][] kv = batch.get(next++);
            last = kv[0];
            return decode(kv, prefix.length);
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called, or remove() was called already");
            }
            try {
                db.db().delete(family, db.writeOptions(), last);
            } catch (RocksDBException e) {
                throw failure("cannot delete from", e);
            }
            last = null;
        }
    }
}
