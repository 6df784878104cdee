package io.weir.state.rocksdb;

import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.StateBackendFactory;

/**
 * A test-only state backend name, {@code rocksdb-heap-timers}: the RocksDB backend with
 * {@code state.rocksdb.timers=heap}, so that the shared contract suite (which sets only
 * {@code state.backend}) runs against that variant too. Registered in the test class path's
 * {@code META-INF/services}.
 */
public final class HeapTimersRocksDbFactory implements StateBackendFactory {
    static final String NAME = "rocksdb-heap-timers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StateBackend create(Configuration configuration) {
        return new RocksDbStateBackend(RocksDbConfig.from(configuration.copy().set(StateOptions.ROCKSDB_TIMERS, "heap")));
    }
}
