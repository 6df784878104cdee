package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.ListStoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * List state in RocksDB: one row per (key, namespace) whose value is the concatenation of its elements,
 * each with a var-int length before it. {@link #add} appends with a RocksDB merge (the database
 * concatenates operands), without reading the list.
 */
final class RocksDbListStore<N, E> extends RocksDbStore<N, List<E>> implements ListStore<N, E> {
    private final ListStoreSpec<N, E> spec;
    private final Codec<E> elementCodec;
    private final ByteArrayCodecOutput elements = new ByteArrayCodecOutput(128);

    RocksDbListStore(RocksDbKeyedStateBackend backend, ListStoreSpec<N, E> spec, ColumnFamilyHandle family) {
        super(backend, spec, family, spec.namespaceCodec());
        this.spec = spec;
        this.elementCodec = spec.elementCodec();
    }

    @Override
    public ListStoreSpec<N, E> spec() {
        return spec;
    }

    @Override
    public List<E> get(N namespace) {
        rowOf(namespace);
        try {
            return decode(db.db().get(family, db.readOptions(), row.array(), 0, row.size()));
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    /** The elements of a stored list value, or null when there are none. */
    private List<E> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        List<E> list = new ArrayList<>();
        int p = 0;
        while (p < bytes.length) {
            int length = RowLayout.readVarInt(bytes, p);
            p += RowLayout.varIntSize(length);
            if (length < 0 || length > bytes.length - p) {
                throw new IllegalStateException("operator '" + backend.operatorName() + "': list state '" + name
                        + "' holds a malformed list (element of " + length + " bytes at offset " + p + ")");
            }
            list.add(elementCodec.decode(input.reset(bytes, p, length)));
            p += length;
        }
        return list;
    }

    private void appendElement(E element) {
        Objects.requireNonNull(element, "a list element must not be null");
        scratch.reset();
        elementCodec.encode(element, scratch);
        RowLayout.writeSized(elements, scratch.array(), 0, scratch.size());
    }

    @Override
    public void add(N namespace, E element) {
        elements.reset();
        appendElement(element);
        rowOf(namespace);
        merge();
    }

    @Override
    public void addAll(N namespace, List<E> values) {
        if (values.isEmpty()) {
            return;
        }
        elements.reset();
        for (E e : values) {
            appendElement(e);
        }
        rowOf(namespace);
        merge();
    }

    private void merge() {
        try {
            db.db().merge(family, db.writeOptions(), row.array(), 0, row.size(), elements.array(), 0, elements.size());
        } catch (RocksDBException e) {
            throw failure("cannot append to", e);
        }
    }

    @Override
    public void update(N namespace, List<E> values) {
        elements.reset();
        for (E e : values) {
            appendElement(e);
        }
        rowOf(namespace);
        replace(rowCopy(), values.isEmpty());
    }

    private void replace(byte[] key, boolean remove) {
        try {
            if (remove) {
                db.db().delete(family, db.writeOptions(), key);
            } else {
                db.db().put(family, db.writeOptions(), key, 0, key.length, elements.array(), 0, elements.size());
            }
        } catch (RocksDBException e) {
            throw failure("cannot write", e);
        }
    }

    @Override
    public void clear(N namespace) {
        rowOf(namespace);
        replace(rowCopy(), true);
    }

    @Override
    List<E> readEntry(byte[] entry) {
        try {
            return decode(db.db().get(family, db.readOptions(), entry));
        } catch (RocksDBException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    void removeEntry(byte[] entry) {
        replace(entry, true);
    }

    @Override
    void updateEntry(byte[] entry, List<E> values) {
        elements.reset();
        for (E e : values) {
            appendElement(e);
        }
        replace(entry, values.isEmpty());
    }
}
