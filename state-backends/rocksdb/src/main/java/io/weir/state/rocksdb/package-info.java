/** The {@code rocksdb} state backend: keyed state and timers in RocksDB, with incremental checkpoints. */
package io.weir.state.rocksdb;
