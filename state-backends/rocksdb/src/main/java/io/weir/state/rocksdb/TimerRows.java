package io.weir.state.rocksdb;

import io.weir.spi.state.KeyGroupRange;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The timers of one timer store as encoded timer rows ({@link RowLayout}), with the store's catalog entry:
 * how heap timers travel through snapshots and restores, and how timers move between RocksDB and the
 * heap when {@code state.rocksdb.timers} changed across a restore. The rows of a capture are encoded when
 * first asked for (on the snapshot's thread), from immutable timer objects.
 *
 * <h2>Thread safety</h2>
 * Confined to one thread at a time, handed over with a happens-before edge.
 */
final class TimerRows {
    private final Catalog.Entry entry;
    private Supplier<List<byte[]>> encoder;
    private List<byte[]> rows;

    private TimerRows(Catalog.Entry entry, List<byte[]> rows, Supplier<List<byte[]>> encoder) {
        this.entry = entry;
        this.rows = rows;
        this.encoder = encoder;
    }

    /** Rows already encoded. */
    static TimerRows of(Catalog.Entry entry, List<byte[]> rows) {
        return new TimerRows(entry, rows, null);
    }

    /** Rows that {@code encoder} makes when first asked for. */
    static TimerRows lazy(Catalog.Entry entry, Supplier<List<byte[]>> encoder) {
        return new TimerRows(entry, null, encoder);
    }

    Catalog.Entry entry() {
        return entry;
    }

    List<byte[]> rows() {
        if (rows == null) {
            rows = encoder.get();
            encoder = null;
        }
        return rows;
    }

    /** These rows and {@code other}'s (of the same store, from another file of the same restore). */
    TimerRows plus(TimerRows other) {
        if (!entry.equals(other.entry)) {
            throw new IllegalStateException("timer store '" + entry.name() + "' is declared with codecs ["
                    + entry.signature() + "] in one restored file and [" + other.entry.signature() + "] in another");
        }
        List<byte[]> all = new ArrayList<>(rows());
        all.addAll(other.rows());
        return of(entry, all);
    }

    /** The rows of key groups in {@code range}. */
    TimerRows within(KeyGroupRange range) {
        List<byte[]> kept = new ArrayList<>();
        for (byte[] r : rows()) {
            if (range.contains(RowLayout.keyGroup(r))) {
                kept.add(r);
            }
        }
        return of(entry, kept);
    }

    /** The rows of {@code entry}'s column family in {@code instance}, for key groups in {@code range}. */
    static TimerRows read(RocksDbInstance instance, Catalog.Entry entry, KeyGroupRange range) {
        List<byte[]> rows = new ArrayList<>();
        ColumnFamilyHandle family = Catalog.family(instance, entry);
        if (family != null && !range.isEmpty()) {
            try (RowScan scan = new RowScan(instance, family, RowLayout.keyGroupPrefix(range.first()),
                    RowLayout.keyGroupPrefix(range.last() + 1), false)) {
                for (; scan.valid(); scan.next()) {
                    rows.add(scan.key());
                }
            }
        }
        return of(entry, rows);
    }

    /** Writes the rows into the store's column family in {@code instance}, creating it and its catalog entry. */
    void writeTo(RocksDbInstance instance) throws RocksDBException {
        ColumnFamilyHandle family = instance.createFamily(entry.columnFamily());
        Catalog.writeEntry(instance, entry);
        try (WriteBatch batch = new WriteBatch()) {
            for (byte[] r : rows()) {
                batch.put(family, r, new byte[0]);
            }
            instance.db().write(instance.writeOptions(), batch);
        }
    }
}
