package io.weir.state.rocksdb;

import io.weir.spi.checkpoint.StateFileHandle;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SST files of one working database that an incremental checkpoint has already written as shared
 * state files, by local file name. SST files never change and RocksDB never reuses a file number within a
 * database, so a name written once needs no writing again: a later checkpoint references the same shared
 * file. Filled by snapshots (after a shared file was closed, so only complete files) and by a restore
 * (the files the database was opened from).
 *
 * <h2>Thread safety</h2>
 * Thread-safe: a {@link ConcurrentHashMap}; snapshots write on checkpoint I/O threads.
 */
final class SharedFiles {
    private final ConcurrentHashMap<String, StateFileHandle> byLocalName = new ConcurrentHashMap<>();

    /** The shared file of SST {@code localName}, or null when none was written. */
    StateFileHandle get(String localName) {
        return byLocalName.get(localName);
    }

    void put(String localName, StateFileHandle handle) {
        byLocalName.put(localName, handle);
    }

    void putAll(Map<String, StateFileHandle> files) {
        byLocalName.putAll(files);
    }

    /**
     * Forgets every SST not in {@code localNames} (those of the latest checkpoint): RocksDB never brings a
     * deleted file number back, so they are gone for good.
     */
    void retainOnly(Collection<String> localNames) {
        byLocalName.keySet().retainAll(new HashSet<>(localNames));
    }

    int size() {
        return byLocalName.size();
    }
}
