package io.weir.state.rocksdb;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A forward scan over the rows of one column family in {@code [from, upperBound)}: a RocksDB iterator with
 * its read options and upper bound (so that it never steps over deleted rows beyond the range), all three
 * closed by {@link #close()}. Used in try-with-resources only, never kept between calls.
 */
final class RowScan implements AutoCloseable {
    private final Slice upper;
    private final ReadOptions options;
    private final RocksIterator iterator;

    /**
     * A scan positioned at the first row {@code >= from}.
     *
     * @param upperBound the first row not to visit, or null for the end of the column family
     */
    RowScan(RocksDbInstance instance, ColumnFamilyHandle family, byte[] from, byte[] upperBound) {
        this(instance, family, from, upperBound, true);
    }

    /** As above; {@code fillCache = false} for one-off bulk reads (snapshots, restores). */
    RowScan(RocksDbInstance instance, ColumnFamilyHandle family, byte[] from, byte[] upperBound, boolean fillCache) {
        Slice bound = upperBound == null ? null : new Slice(upperBound);
        ReadOptions readOptions = new ReadOptions().setFillCache(fillCache);
        if (bound != null) {
            readOptions.setIterateUpperBound(bound);
        }
        this.upper = bound;
        this.options = readOptions;
        this.iterator = instance.db().newIterator(family, readOptions);
        iterator.seek(from);
    }

    boolean valid() {
        return iterator.isValid();
    }

    byte[] key() {
        return iterator.key();
    }

    byte[] value() {
        return iterator.value();
    }

    void next() {
        iterator.next();
    }

    @Override
    public void close() {
        iterator.close();
        options.close();
        if (upper != null) {
            upper.close();
        }
    }
}
