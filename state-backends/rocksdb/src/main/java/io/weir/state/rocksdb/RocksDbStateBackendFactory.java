package io.weir.state.rocksdb;

import io.weir.api.config.Configuration;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.StateBackendFactory;

/**
 * The {@code rocksdb} state backend, registered with {@link java.util.ServiceLoader}: keyed state in an
 * embedded RocksDB database per keyed operator subtask (larger than memory: only the block cache and the
 * write buffers live in memory, shared by the JVM's instances within {@code state.rocksdb.memory.managed-size}),
 * timers in RocksDB or on the heap ({@code state.rocksdb.timers}), incremental checkpoints from RocksDB's
 * native checkpoints and full snapshots for savepoints. Options: {@link io.weir.api.config.StateOptions}.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class RocksDbStateBackendFactory implements StateBackendFactory {

    /** The name to select this backend with {@code state.backend}. */
    public static final String NAME = "rocksdb";

    /** For {@link java.util.ServiceLoader}. */
    public RocksDbStateBackendFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "keyed state in embedded RocksDB, larger than memory, incremental checkpoints";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the option if a {@code state.rocksdb.*} option is invalid
     */
    @Override
    public StateBackend create(Configuration configuration) {
        return new RocksDbStateBackend(RocksDbConfig.from(configuration));
    }
}
