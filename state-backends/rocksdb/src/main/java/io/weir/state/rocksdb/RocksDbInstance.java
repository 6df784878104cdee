package io.weir.state.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open RocksDB database with its column families and every native object it needs (options, merge
 * operator, filter, read and write options), and a reference to the {@link SharedMemory} that its block
 * cache and memtables are charged to. {@link #close()} releases all of them, in reverse order of creation,
 * whatever fails on the way: a working instance and the temporary ones of snapshots and restores alike.
 *
 * <p>Writes skip the write-ahead log: state survives failures through checkpoints, never through the
 * working database. Lists append with RocksDB's {@code StringAppendOperator} with an empty delimiter, which
 * concatenates operands: list values are self-delimiting ({@link RowLayout}).
 *
 * <h2>Thread safety</h2>
 * RocksDB itself is thread-safe; this object is used by one thread at a time (its backend's, or the
 * thread of one snapshot's asynchronous part).
 */
final class RocksDbInstance implements AutoCloseable {
    static final long WRITE_BUFFER_SIZE = 64L << 20;
    static final long BLOCK_SIZE = 16L << 10;
    /** The MANIFEST rolls over at this size: incremental checkpoints copy it whole. */
    static final long MAX_MANIFEST_SIZE = 8L << 20;
    /** Instances open in the JVM, for leak tests. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final Path directory;
    private final SharedMemory memory;
    private final List<AutoCloseable> natives = new ArrayList<>();
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();
    private final RocksDB db;
    private boolean closed;

    private RocksDbInstance(Path directory, SharedMemory memory, boolean readOnly) throws IOException {
        this.directory = directory;
        this.memory = memory;
        RocksDB opened = null;
        try {
            DBOptions dbOptions = own(new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setWriteBufferManager(memory.writeBufferManager())
                    .setMaxOpenFiles(-1)
                    .setUseFsync(false)
                    .setStatsDumpPeriodSec(0)
                    .setStatsPersistPeriodSec(0)
                    .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                    .setKeepLogFileNum(1)
                    .setMaxManifestFileSize(MAX_MANIFEST_SIZE)
                    .setMaxBackgroundJobs(2)
                    .setAvoidFlushDuringShutdown(true));
            StringAppendOperator append = own(new StringAppendOperator(""));
            BloomFilter filter = own(new BloomFilter(10, false));
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(memory.cache())
                    .setBlockSize(BLOCK_SIZE)
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinTopLevelIndexAndFilter(true)
                    .setFilterPolicy(filter);
            columnOptions = own(new ColumnFamilyOptions()
                    .setMergeOperator(append)
                    .setTableFormatConfig(table)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(WRITE_BUFFER_SIZE)
                    .setMaxWriteBufferNumber(2)
                    .setLevelCompactionDynamicLevelBytes(true));
            writeOptions = own(new WriteOptions().setDisableWAL(true));
            readOptions = own(new ReadOptions());
            List<byte[]> names = existingFamilies(directory);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            Files.createDirectories(directory);
            opened = readOnly
                    ? RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles)
                    : RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
            for (int i = 0; i < handles.size(); i++) {
                families.put(new String(names.get(i), StandardCharsets.UTF_8), handles.get(i));
            }
        } catch (RocksDBException | IOException | RuntimeException e) {
            families.values().forEach(ColumnFamilyHandle::close);
            if (opened != null) {
                opened.close();
            }
            closeNatives();
            throw new IOException("cannot open RocksDB at '" + directory + "': " + e.getMessage(), e);
        }
        this.db = opened;
        OPEN.incrementAndGet();
    }

    /**
     * Opens (or creates) the database in {@code directory} with every column family it has, charging
     * {@code memory} (of which it takes a reference, given back by {@link #close()}).
     */
    static RocksDbInstance open(Path directory, RocksDbConfig.MemoryConfig memory, boolean readOnly)
            throws IOException {
        SharedMemory shared = SharedMemory.acquire(memory);
        try {
            return new RocksDbInstance(directory, shared, readOnly);
        } catch (IOException | RuntimeException e) {
            shared.release();
            throw e;
        }
    }

    private static List<byte[]> existingFamilies(Path directory) throws RocksDBException {
        List<byte[]> names = new ArrayList<>();
        if (Files.exists(directory.resolve("CURRENT"))) {
            try (Options options = new Options()) {
                names.addAll(RocksDB.listColumnFamilies(options, directory.toString()));
            }
        }
        if (names.isEmpty()) {
            names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
        }
        return names;
    }

    private <T extends AutoCloseable> T own(T resource) {
        natives.add(resource);
        return resource;
    }

    /**
     * The database, for every read and write: the one place that refuses use after {@link #close()} (a closed
     * RocksDB object would crash the JVM instead of throwing).
     */
    RocksDB db() {
        if (closed) {
            throw new IllegalStateException("RocksDB at '" + directory + "' is closed");
        }
        return db;
    }

    Path directory() {
        return directory;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    SharedMemory memory() {
        return memory;
    }

    /** The default column family (the catalog). */
    ColumnFamilyHandle defaultFamily() {
        return families.get(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    }

    /** The column family {@code name}, or null. */
    ColumnFamilyHandle family(String name) {
        return families.get(name);
    }

    /** The names of the column families, the default one included. */
    Set<String> familyNames() {
        return families.keySet();
    }

    /** The column family {@code name}, created if missing. */
    ColumnFamilyHandle createFamily(String name) throws RocksDBException {
        ColumnFamilyHandle existing = families.get(name);
        if (existing != null) {
            return existing;
        }
        ColumnFamilyHandle handle = db().createColumnFamily(
                new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
        families.put(name, handle);
        return handle;
    }

    /** Drops column family {@code name} (its data is gone). */
    void dropFamily(String name) throws RocksDBException {
        ColumnFamilyHandle handle = families.remove(name);
        if (handle != null) {
            db().dropColumnFamily(handle);
            handle.close();
        }
    }

    /**
     * A native checkpoint of the database in {@code target} (which must not exist): memtables are flushed,
     * SST files hard-linked, the small files copied.
     */
    void checkpoint(Path target) throws IOException {
        try (Checkpoint checkpoint = Checkpoint.create(db())) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IOException("cannot take a RocksDB checkpoint of '" + directory + "' into '" + target + "': "
                    + e.getMessage(), e);
        }
    }

    /** Releases every native object and the shared memory reference; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            families.values().forEach(ColumnFamilyHandle::close);
            families.clear();
            db.close();
        } finally {
            closeNatives();
            memory.release();
            OPEN.decrementAndGet();
        }
    }

    private void closeNatives() {
        for (int i = natives.size() - 1; i >= 0; i--) {
            try {
                natives.get(i).close();
            } catch (Exception ignored) {
                // RocksObject.close does not throw; keep closing the others regardless
            }
        }
        natives.clear();
    }

    /** The number of instances open in the JVM. */
    static int openInstances() {
        return OPEN.get();
    }

    @Override
    public String toString() {
        return "RocksDbInstance[" + directory + "]";
    }
}
