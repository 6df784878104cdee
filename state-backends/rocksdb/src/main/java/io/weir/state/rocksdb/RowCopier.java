package io.weir.state.rocksdb;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes restored rows into a working database in batches of about {@link #BATCH_BYTES}, declaring each
 * store (column family and catalog entry) the first time it is met, and refusing a store that another file
 * of the same restore declares otherwise.
 */
final class RowCopier implements AutoCloseable {
    static final int BATCH_BYTES = 4 << 20;

    private final RocksDbInstance target;
    private final String operatorName;
    private final String file;
    private final Map<String, ColumnFamilyHandle> families = new HashMap<>();
    private final WriteBatch batch = new WriteBatch();
    private long bytes;

    RowCopier(RocksDbInstance target, String operatorName, String file) {
        this.target = target;
        this.operatorName = operatorName;
        this.file = file;
    }

    /** Declares {@code entry}'s store in the target, or checks it against the target's declaration. */
    void declare(Catalog.Entry entry) throws RocksDBException {
        if (families.containsKey(entry.columnFamily())) {
            return;
        }
        Catalog.Entry existing = Catalog.readEntries(target).get(entry.columnFamily());
        if (existing != null && !existing.equals(entry)) {
            throw new IllegalStateException("operator '" + operatorName + "': state '" + entry.name() + "' is a "
                    + entry.kind().label() + " store [" + entry.signature() + "] in keyed state '" + file + "' but a "
                    + existing.kind().label() + " store [" + existing.signature() + "] in another file of the same restore");
        }
        ColumnFamilyHandle family = target.createFamily(entry.columnFamily());
        if (existing == null) {
            Catalog.writeEntry(target, entry);
        }
        families.put(entry.columnFamily(), family);
    }

    /** Puts a row of {@code entry}'s store (declared before). */
    void put(Catalog.Entry entry, byte[] row, byte[] value) throws RocksDBException {
        batch.put(families.get(entry.columnFamily()), row, value);
        bytes += row.length + value.length + 16;
        if (bytes >= BATCH_BYTES) {
            flush();
        }
    }

    /** Writes what is batched. */
    void flush() throws RocksDBException {
        if (batch.count() > 0) {
            target.db().write(target.writeOptions(), batch);
        }
        batch.clear();
        bytes = 0;
    }

    /** Frees the native batch (without writing what is left in it). */
    @Override
    public void close() {
        batch.close();
    }
}
