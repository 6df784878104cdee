package io.weir.api.config;

import io.weir.api.annotation.Stable;

/** The options of keyed state. Set them on {@code StreamEnvironment.configure(...)}. */
@Stable
public final class StateOptions {
    private StateOptions() {
    }

    public static final ConfigOption<String> STATE_BACKEND = ConfigOption.of("state.backend", String.class, "heap",
            "name of the state backend that keeps keyed state and timers (built in: heap, rocksdb)");

    // ---- the rocksdb backend ------------------------------------------------------------------------

    /** Where the RocksDB backend keeps its working databases (one folder per keyed operator subtask). */
    public static final ConfigOption<String> ROCKSDB_LOCAL_DIRECTORY = ConfigOption.of("state.rocksdb.local-dir",
            String.class, null, "folder of the RocksDB backend's working databases, deleted when a subtask ends "
                    + "(default: weir-rocksdb under java.io.tmpdir)");

    /** Where the RocksDB backend keeps timers: {@code rocksdb} (larger than memory) or {@code heap} (faster). */
    public static final ConfigOption<String> ROCKSDB_TIMERS = ConfigOption.of("state.rocksdb.timers", String.class,
            "rocksdb", "where the RocksDB backend keeps timers: rocksdb (on disk, larger than memory) or heap");

    /**
     * The native memory of all RocksDB instances of the JVM (with the same memory options), in bytes: one
     * block cache and one write buffer manager shared by every keyed operator subtask of the job. The default
     * (512 MiB) fits a 2 GB process beside a 1 GB JVM heap.
     */
    public static final ConfigOption<Long> ROCKSDB_MEMORY_MANAGED_SIZE = ConfigOption.of(
            "state.rocksdb.memory.managed-size", Long.class, 512L << 20, "bytes of native memory shared by the "
                    + "job's RocksDB instances: block cache plus write buffers (memtables)");

    /** The share of the managed memory that write buffers (memtables) may take. */
    public static final ConfigOption<Double> ROCKSDB_MEMORY_WRITE_BUFFER_RATIO = ConfigOption.of(
            "state.rocksdb.memory.write-buffer-ratio", Double.class, 0.5, "share (0..1) of the RocksDB managed "
                    + "memory that write buffers may take");

    /** The share of the block cache kept for index and filter blocks. */
    public static final ConfigOption<Double> ROCKSDB_MEMORY_HIGH_PRIORITY_POOL_RATIO = ConfigOption.of(
            "state.rocksdb.memory.high-prio-pool-ratio", Double.class, 0.1, "share (0..1) of the RocksDB block "
                    + "cache reserved for index and filter blocks");

    /** Whether checkpoints upload only the SST files that the previous checkpoint does not have. */
    public static final ConfigOption<Boolean> ROCKSDB_INCREMENTAL_CHECKPOINTS = ConfigOption.of(
            "state.rocksdb.checkpoint.incremental", Boolean.class, true, "whether RocksDB checkpoints upload only "
                    + "new SST files (savepoints are always full, self-contained snapshots)");
}
