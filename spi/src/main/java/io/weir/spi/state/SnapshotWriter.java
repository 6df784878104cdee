package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.spi.checkpoint.StateOutputStream;

import java.io.IOException;

/**
 * Where a {@link KeyedStateSnapshot} writes its files: the runtime adapts a
 * {@link io.weir.spi.checkpoint.PendingCheckpoint} ({@code checkpoint::createStateFile}), and may
 * replace the suggested name with one that is unique within the checkpoint.
 *
 * <p>Incremental snapshots (RocksDB) also need to know whether the snapshot must be self-contained
 * ({@link #savepoint()}) and a place for files that later checkpoints reference again
 * ({@link #createSharedStateFile}). A writer that offers no shared files ({@link #supportsSharedFiles()}
 * {@code false}, the default) gets self-contained snapshots from every backend.
 *
 * <h2>Thread safety</h2>
 * Called from the thread that runs {@link KeyedStateSnapshot#write}.
 */
@Evolving
@FunctionalInterface
public interface SnapshotWriter {

    /**
     * A new state file; {@code name} is a suggestion (letters, digits, {@code _ . -}). Close the stream,
     * then take its handle.
     */
    StateOutputStream createStateFile(String name) throws IOException;

    /**
     * Whether this snapshot is a savepoint: it must then be self-contained (written with
     * {@link #createStateFile} only, in the backend's canonical, rescalable format). {@code false} by default.
     */
    default boolean savepoint() {
        return false;
    }

    /** Whether {@link #createSharedStateFile} works. {@code false} by default. */
    default boolean supportsSharedFiles() {
        return false;
    }

    /**
     * A new state file that later checkpoints of the same job may reference again, without writing it again
     * (an SST file of an incremental checkpoint). Its {@linkplain StateOutputStream#handle() handle} names it
     * by a path that stays valid for every later checkpoint (an absolute one on the filesystem storage), and
     * the file lives as long as any retained checkpoint lists it among its referenced files
     * ({@link KeyedStateHandle#sharedFiles()}). {@code name} must be unique within the job (the backend adds
     * a random part); letters, digits, {@code _ . -}.
     *
     * @throws UnsupportedOperationException if {@link #supportsSharedFiles()} is {@code false}
     */
    default StateOutputStream createSharedStateFile(String name) throws IOException {
        throw new UnsupportedOperationException("this snapshot writer has no shared state files");
    }
}
