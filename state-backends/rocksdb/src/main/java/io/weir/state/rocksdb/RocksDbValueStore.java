package io.weir.state.rocksdb;

import io.weir.api.codec.Codec;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.util.Objects;

/**
 * Value, reducing and aggregating state in RocksDB: one row per (key, namespace) whose value is the value
 * codec's bytes. A value is encoded when it is put: changing the object afterwards changes nothing stored.
 */
final class RocksDbValueStore<N, V> extends RocksDbStore<N, V> implements ValueStore<N, V> {
    private final ValueStoreSpec<N, V> spec;
    private final Codec<V> valueCodec;

    RocksDbValueStore(RocksDbKeyedStateBackend backend, ValueStoreSpec<N, V> spec, ColumnFamilyHandle family) {
        super(backend, spec, family, spec.namespaceCodec());
        this.spec = spec;
        this.valueCodec = spec.valueCodec();
    }

    @Override
    public ValueStoreSpec<N, V> spec() {
        return spec;
    }

    @Override
    public V get(N namespace) {
        rowOf(namespace);
        try {
            byte[] bytes = db.db().get(family, db.readOptions(), row.array(), 0, row.size());
            return bytes == null ? null : decode(bytes);
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    private V decode(byte[] bytes) {
        return valueCodec.decode(input.reset(bytes, 0, bytes.length));
    }

    @Override
    public void put(N namespace, V value) {
        Objects.requireNonNull(value, "value");
        rowOf(namespace);
        write(row.array(), row.size(), value);
    }

    private void write(byte[] key, int keyLength, V value) {
        scratch.reset();
        valueCodec.encode(value, scratch);
        try {
            db.db().put(family, db.writeOptions(), key, 0, keyLength, scratch.array(), 0, scratch.size());
        } catch (RocksDBException e) {
            throw failure("cannot write", e);
        }
    }

    @Override
    public void clear(N namespace) {
        rowOf(namespace);
        delete(row.array(), row.size());
    }

    private void delete(byte[] key, int keyLength) {
        try {
            db.db().delete(family, db.writeOptions(), key, 0, keyLength);
        } catch (RocksDBException e) {
            throw failure("cannot delete from", e);
        }
    }

    @Override
    V readEntry(byte[] entry) {
        try {
            byte[] bytes = db.db().get(family, db.readOptions(), entry);
            return bytes == null ? null : decode(bytes);
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    void removeEntry(byte[] entry) {
        delete(entry, entry.length);
    }

    @Override
    void updateEntry(byte[] entry, V value) {
        write(entry, entry.length, Objects.requireNonNull(value, "value"));
    }
}
