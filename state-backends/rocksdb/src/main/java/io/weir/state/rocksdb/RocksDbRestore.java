package io.weir.state.rocksdb;

import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.StateFileReader;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a backend's working database from the handles of a checkpoint, for the key groups it owns:
 * <ul>
 *   <li>one incremental handle of exactly its range (a restart without rescaling): its files are copied into
 *       the database folder and opened as they are;</li>
 *   <li>otherwise (rescaling): the incremental handle that overlaps most becomes the base (its files opened,
 *       then every row outside the range deleted: "clip"); the other incremental handles are opened read-only
 *       one after the other and their rows in the range copied in; full snapshots are read key group by key
 *       group ({@link FullSnapshotReader}).</li>
 * </ul>
 * Every temporary database is closed and its folder deleted, also when the restore fails; on failure the
 * working database is closed too.
 */
final class RocksDbRestore {
    /** What a restore gives its backend. */
    record Result(RocksDbInstance instance, Map<String, StateFileHandle> sharedFiles, List<TimerRows> heapTimers) {
    }

    private final SnapshotContext context;
    private final Path directory;
    private final KeyGroupRange range;

    RocksDbRestore(SnapshotContext context, Path directory) {
        this.context = context;
        this.directory = directory;
        this.range = context.range();
    }

    Result restore(List<KeyedStateHandle> handles, StateFileReader reader) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (KeyedStateHandle h : handles) {
            if (!SnapshotFormat.BACKEND.equals(h.backend())) {
                throw new IllegalStateException("operator '" + context.operatorName() + "': keyed state " + h
                        + " was written by the '" + h.backend() + "' state backend; the rocksdb backend cannot read it");
            }
            if (h.file() != null && !range.isEmpty() && overlap(h.range()) > 0) {
                sources.add(Source.read(h, reader, context));
            }
        }
        Source base = sources.stream().filter(Source::incremental)
                .max(Comparator.comparingInt(s -> overlap(s.handle().range()))).orElse(null);
        Map<String, StateFileHandle> shared = new HashMap<>();
        List<TimerRows> heapTimers = new ArrayList<>();
        Path db = directory.resolve("db");
        RocksDbInstance instance = null;
        try {
            if (base != null) {
                base.download(db, reader);
                instance = RocksDbInstance.open(db, context.config().memory(), false);
                if (!base.handle().range().equals(range)) {
                    clip(instance);
                }
                shared.putAll(base.sharedFiles());
            } else {
                LocalFiles.delete(db);
                instance = RocksDbInstance.open(db, context.config().memory(), false);
            }
            if (!context.header().equals(Catalog.readHeader(instance))) {
                Catalog.writeHeader(instance, context.header());
            }
            int temporary = 0;
            for (Source s : sources) {
                if (s.incremental()) {
                    if (s != base) {
                        copyIncremental(s, instance, reader, directory.resolve("restore-" + temporary++));
                    }
                    heapTimers.addAll(s.heapTimers(range));
                } else {
                    new FullSnapshotReader(context, s.handle(), reader).readInto(instance);
                }
            }
            return new Result(instance, shared, heapTimers);
        } catch (IOException | RocksDBException | RuntimeException e) {
            if (instance != null) {
                instance.close();
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RocksDBException r) {
                throw new IOException("operator '" + context.operatorName() + "': restoring keyed state failed: "
                        + r.getMessage(), r);
            }
            throw (RuntimeException) e;
        }
    }

    private int overlap(KeyGroupRange other) {
        return Math.max(0, Math.min(range.last(), other.last()) - Math.max(range.first(), other.first()) + 1);
    }

    /** Deletes every row outside this backend's key groups, in every store. */
    private void clip(RocksDbInstance instance) throws RocksDBException {
        byte[] start = RowLayout.keyGroupPrefix(0);
        byte[] first = RowLayout.keyGroupPrefix(range.first());
        byte[] afterLast = RowLayout.keyGroupPrefix(range.last() + 1);
        byte[] end = RowLayout.keyGroupPrefix(RocksDbKeyedStateBackend.MAX_KEY_GROUPS);
        for (String name : instance.familyNames()) {
            ColumnFamilyHandle family = instance.family(name);
            if (family == instance.defaultFamily()) {
                continue;
            }
            if (range.first() > 0) {
                instance.db().deleteRange(family, instance.writeOptions(), start, first);
            }
            instance.db().deleteRange(family, instance.writeOptions(), afterLast, end);
        }
    }

    /** Opens an incremental checkpoint read-only in {@code folder} and copies its rows of the range in. */
    private void copyIncremental(Source source, RocksDbInstance target, StateFileReader reader, Path folder)
            throws IOException, RocksDBException {
        try {
            source.download(folder, reader);
            try (RocksDbInstance other = RocksDbInstance.open(folder, context.config().memory(), true);
                 RowCopier copier = new RowCopier(target, context.operatorName(), source.handle().file().path())) {
                for (Catalog.Entry e : Catalog.readEntries(other).values()) {
                    ColumnFamilyHandle from = Catalog.family(other, e);
                    if (from == null) {
                        continue;
                    }
                    copier.declare(e);
                    try (RowScan scan = new RowScan(other, from, RowLayout.keyGroupPrefix(range.first()),
                            RowLayout.keyGroupPrefix(range.last() + 1), false)) {
                        for (; scan.valid(); scan.next()) {
                            copier.put(e, scan.key(), scan.value());
                        }
                    }
                }
                copier.flush();
            }
        } finally {
            LocalFiles.deleteQuietly(folder);
        }
    }

    /** One handle to restore from, with its header read and checked. */
    private record Source(KeyedStateHandle handle, SnapshotFormat.Frame frame, IncrementalMeta meta) {

        static Source read(KeyedStateHandle handle, StateFileReader reader, SnapshotContext context) throws IOException {
            String file = handle.file().path();
            SnapshotFormat.Frame frame;
            try (InputStream in = reader.open(handle.file())) {
                frame = SnapshotFormat.readFrame(in, file);
            }
            IncrementalMeta meta = null;
            try {
                if (frame.magic() == SnapshotFormat.INCREMENTAL_MAGIC) {
                    meta = IncrementalMeta.parse(frame.payload());
                    meta.check(context, handle, file);
                } else {
                    FullSnapshotReader.Header.parse(frame.payload()).check(context, handle, file);
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw SnapshotFormat.corrupt(file, -1, "malformed header: " + e);
            }
            return new Source(handle, frame, meta);
        }

        boolean incremental() {
            return meta != null;
        }

        void download(Path folder, StateFileReader reader) throws IOException {
            meta.download(folder, reader, handle.file().path());
        }

        Map<String, StateFileHandle> sharedFiles() {
            return meta.sharedFiles();
        }

        List<TimerRows> heapTimers(KeyGroupRange range) {
            List<TimerRows> within = new ArrayList<>();
            for (TimerRows t : meta.heapTimers()) {
                within.add(t.within(range));
            }
            return within;
        }
    }
}
