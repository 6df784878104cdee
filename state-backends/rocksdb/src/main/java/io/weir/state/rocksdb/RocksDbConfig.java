package io.weir.state.rocksdb;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options of the RocksDB backend, read from the job's configuration ({@link StateOptions}) and
 * checked once.
 *
 * @param localDirectory where the working databases live
 * @param timersOnHeap   whether timers are kept on the heap instead of in RocksDB
 * @param memory         the shared native memory budget
 * @param incremental    whether checkpoints upload only new SST files
 */
record RocksDbConfig(Path localDirectory, boolean timersOnHeap, MemoryConfig memory, boolean incremental) {

    /**
     * The memory budget shared by every RocksDB instance of the JVM with the same budget.
     *
     * @param managedSize              bytes for the block cache and write buffers together
     * @param writeBufferRatio         share of {@code managedSize} for write buffers
     * @param highPriorityPoolRatio    share of the cache for index and filter blocks
     */
    record MemoryConfig(long managedSize, double writeBufferRatio, double highPriorityPoolRatio) {

        /** The block cache's capacity, as Flink computes it: the write buffers are charged to the cache. */
        long cacheCapacity() {
            return (long) (managedSize * (3 - writeBufferRatio) / 3);
        }

        /** The write buffer manager's limit on all memtables. */
        long writeBufferCapacity() {
            return (long) (2 * managedSize * writeBufferRatio / 3);
        }
    }

    /**
     * The options in {@code configuration}.
     *
     * @throws IllegalArgumentException naming the option whose value is invalid
     */
    static RocksDbConfig from(Configuration configuration) {
        String dir = configuration.get(StateOptions.ROCKSDB_LOCAL_DIRECTORY);
        Path local;
        try {
            local = dir == null || dir.isBlank()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "weir-rocksdb")
                    : Path.of(dir);
        } catch (InvalidPathException e) {
            throw invalid(StateOptions.ROCKSDB_LOCAL_DIRECTORY, dir, "not a valid path");
        }
        String timers = configuration.get(StateOptions.ROCKSDB_TIMERS).trim().toLowerCase(Locale.ROOT);
        if (!timers.equals("rocksdb") && !timers.equals("heap")) {
            throw invalid(StateOptions.ROCKSDB_TIMERS, timers, "expected rocksdb or heap");
        }
        long managed = configuration.get(StateOptions.ROCKSDB_MEMORY_MANAGED_SIZE);
        if (managed < (8L << 20)) {
            throw invalid(StateOptions.ROCKSDB_MEMORY_MANAGED_SIZE, managed, "at least 8 MiB (8388608) is needed");
        }
        double writeBuffers = configuration.get(StateOptions.ROCKSDB_MEMORY_WRITE_BUFFER_RATIO);
        if (!(writeBuffers > 0 && writeBuffers < 1)) {
            throw invalid(StateOptions.ROCKSDB_MEMORY_WRITE_BUFFER_RATIO, writeBuffers, "expected a share in (0, 1)");
        }
        double highPriority = configuration.get(StateOptions.ROCKSDB_MEMORY_HIGH_PRIORITY_POOL_RATIO);
        if (!(highPriority >= 0 && highPriority < 1)) {
            throw invalid(StateOptions.ROCKSDB_MEMORY_HIGH_PRIORITY_POOL_RATIO, highPriority,
                    "expected a share in [0, 1)");
        }
        return new RocksDbConfig(local.toAbsolutePath().normalize(), timers.equals("heap"),
                new MemoryConfig(managed, writeBuffers, highPriority),
                configuration.get(StateOptions.ROCKSDB_INCREMENTAL_CHECKPOINTS));
    }

    private static IllegalArgumentException invalid(ConfigOption<?> option, Object value, String why) {
        return new IllegalArgumentException("option '" + option.key() + "': invalid value '" + value + "': " + why
                + " (" + option.description() + ")");
    }
}
