package io.weir.state.rocksdb;

import io.weir.runtime.state.KeyedStateBackendContractTest;

/**
 * Runs the shared state-backend contract suite (the one the heap backend runs) against the {@code rocksdb}
 * backend, found through ServiceLoader, with timers in RocksDB (the default).
 */
class RocksDbKeyedStateBackendTest extends KeyedStateBackendContractTest {

    @Override
    protected String backendName() {
        return RocksDbStateBackendFactory.NAME;
    }
}
