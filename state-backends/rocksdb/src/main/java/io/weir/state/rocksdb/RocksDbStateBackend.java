package io.weir.state.rocksdb;

import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.StateBackend;

import java.util.Objects;

/**
 * The RocksDB backend with its options. The native memory its keyed backends share is reference counted
 * per JVM and budget ({@link SharedMemory}), so that it is shared across the job's subtasks even though the
 * runtime creates one {@code StateBackend} per subtask; so nothing is held here. Thread-safe.
 */
final class RocksDbStateBackend implements StateBackend {
    private final RocksDbConfig config;

    RocksDbStateBackend(RocksDbConfig config) {
        this.config = config;
    }

    @Override
    public KeyedStateBackend createKeyedBackend(KeyedBackendParameters parameters) {
        return new RocksDbKeyedStateBackend(Objects.requireNonNull(parameters, "parameters"), config);
    }
}
