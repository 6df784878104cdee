package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyedStore;
import io.weir.spi.state.StoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.util.Objects;

/**
 * What the RocksDB stores share: their column family, the row of (current key, namespace)
 * ({@link RowLayout}) built in a reusable buffer, and the whole-entry operations that
 * {@link RocksDbEntryCursor} needs (read, remove or replace the entry at a row prefix, whoever the current
 * key is). The encoding of the last namespace is kept, so that state without namespaces (or a window used
 * for several records) encodes it once.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the backend's thread only.
 *
 * @param <N> the namespace type
 * @param <V> the type of an entry's whole value
 */
abstract class RocksDbStore<N, V> implements KeyedStore<N, V> {
    final RocksDbKeyedStateBackend backend;
    final RocksDbInstance db;
    final ColumnFamilyHandle family;
    final String name;
    final NamespaceEncoding<N> namespaces;
    /** The row being built: {@code [0, row.size())}. */
    final ByteArrayCodecOutput row = new ByteArrayCodecOutput(128);
    /** Scratch for encoding one value or element. */
    final ByteArrayCodecOutput scratch = new ByteArrayCodecOutput(128);
    final ByteArrayCodecInput input = new ByteArrayCodecInput();
    private final String description;
    private N lastNamespace;
    private byte[] lastNamespaceBytes;

    RocksDbStore(RocksDbKeyedStateBackend backend, StoreSpec spec, ColumnFamilyHandle family, Codec<N> namespaceCodec) {
        this.backend = backend;
        this.db = backend.instance();
        this.family = family;
        this.name = spec.name();
        this.namespaces = new NamespaceEncoding<>(namespaceCodec, backend.parameters().codecs().portableDynamicCodec());
        this.description = "store '" + name + "'";
    }

    /** Builds the row of (current key, {@code namespace}) in {@link #row}. */
    final void rowOf(N namespace) {
        backend.requireKey(description);
        Objects.requireNonNull(namespace, "namespace");
        row.reset();
        row.writeBytes(backend.keyPrefix(), 0, backend.keyPrefixLength());
        if (namespace != lastNamespace) {
            lastNamespaceBytes = namespaces.encode(namespace);
            lastNamespace = namespace;
        }
        RowLayout.writeSized(row, lastNamespaceBytes, 0, lastNamespaceBytes.length);
    }

    /** A copy of the row built last. */
    final byte[] rowCopy() {
        return row.toByteArray();
    }

    final RocksDbStateException failure(String what, RocksDBException e) {
        return backend.failure(what + " state '" + name + "'", e);
    }

    // ---- whole entries at a row prefix (key group | key | namespace), for cursors -----------------------

    /** The whole value of the entry at {@code entry}, or null when it has none now. */
    abstract V readEntry(byte[] entry);

    /** Removes the entry at {@code entry}. */
    abstract void removeEntry(byte[] entry);

    /** Replaces the whole value of the entry at {@code entry}; an empty list or map removes it. */
    abstract void updateEntry(byte[] entry, V value);

    /** The length of the entry prefix of a row of this store: the whole row, but a map row's map key. */
    int entryLength(byte[] row, RowLayout.Parts parts) {
        return row.length;
    }

    @Override
    public EntryCursor<N, V> cursor(int keyGroup) {
        backend.requireOwned(keyGroup);
        return new RocksDbEntryCursor<>(this, keyGroup);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
