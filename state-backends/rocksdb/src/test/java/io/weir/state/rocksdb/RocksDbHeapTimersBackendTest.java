package io.weir.state.rocksdb;

import io.weir.runtime.state.KeyedStateBackendContractTest;

/**
 * Runs the shared state-backend contract suite against the RocksDB backend with timers on the heap
 * ({@code state.rocksdb.timers=heap}), through the test-only factory {@link HeapTimersRocksDbFactory}.
 */
class RocksDbHeapTimersBackendTest extends KeyedStateBackendContractTest {

    @Override
    protected String backendName() {
        return HeapTimersRocksDbFactory.NAME;
    }
}
