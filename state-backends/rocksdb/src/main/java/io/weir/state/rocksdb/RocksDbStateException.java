package io.weir.state.rocksdb;

/**
 * A RocksDB operation on keyed state failed (an I/O error, a full disk, a corrupt file): the task fails and
 * recovers from its last checkpoint. The message names the operator and the state.
 */
final class RocksDbStateException extends RuntimeException {
    RocksDbStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
