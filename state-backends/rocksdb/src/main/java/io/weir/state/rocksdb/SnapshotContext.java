package io.weir.state.rocksdb;

import io.weir.spi.state.KeyGroupRange;

/**
 * What snapshots and restores know of their backend. Immutable, so that a snapshot's asynchronous part
 * shares nothing mutable with the backend.
 *
 * @param operatorName for messages
 * @param range        the key groups the backend owns
 * @param header       key codec signature and number of key groups
 * @param config       the backend's options
 */
record SnapshotContext(String operatorName, KeyGroupRange range, Catalog.Header header, RocksDbConfig config) {
}
