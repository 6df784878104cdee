package io.weir.runtime.checkpoint.storage;

import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;
import io.weir.spi.state.StateFileReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keyed state snapshots written as checkpoints of their own, outside a job, on a {@link FileSystemCheckpointStorage}
 * with shared state files: for benchmarks and backend tests that drive a state backend directly. Each
 * {@link #write} is one checkpoint whose metadata is empty and whose referenced files are the snapshot's
 * ({@link KeyedStateHandle#files()}, shared ones included), so that the storage's retention keeps a shared
 * file while a retained checkpoint references it. Shared files go where the storage puts them
 * ({@code <directory>/shared/}, absolute handles); they are offered for savepoints too, and the backend
 * decides (RocksDB writes a savepoint self-contained). {@link #reader()} opens the files of any checkpoint
 * written through this object.
 *
 * <h2>Thread safety</h2>
 * {@link #write} may be called from several threads for different ids (as the storage allows);
 * {@link #reader()} and {@link #sharedFilesWritten()} from any thread.
 */
public final class KeyedSnapshotCheckpoints {
    private final FileSystemCheckpointStorage storage;
    private final Map<String, CompletedCheckpoint> byFile = new ConcurrentHashMap<>();
    private final AtomicInteger sharedFilesWritten = new AtomicInteger();

    /** Checkpoints in {@code directory} (created when the first one begins). */
    public KeyedSnapshotCheckpoints(Path directory) {
        this.storage = new FileSystemCheckpointStorage(directory);
    }

    /** The storage the checkpoints are written to (to prune it, for instance). */
    public FileSystemCheckpointStorage storage() {
        return storage;
    }

    /**
     * Writes {@code snapshot} as checkpoint {@code id}, or as a savepoint; returns its handle.
     *
     * @throws IOException naming the checkpoint or file that could not be written
     */
    public KeyedStateHandle write(long id, KeyedStateSnapshot snapshot, boolean savepoint) throws IOException {
        PendingCheckpoint pending = storage.begin(id, savepoint, null);
        KeyedStateHandle handle = snapshot.write(writer(pending, savepoint));
        CompletedCheckpoint done = pending.complete(new byte[0], handle.files());
        for (StateFileHandle f : handle.files()) {
            byFile.putIfAbsent(f.path(), done);
        }
        if (handle.file() != null) {
            byFile.put(handle.file().path(), done);
        }
        return handle;
    }

    /**
     * Opens the files of any checkpoint written through this object; a handle of another checkpoint fails
     * with an {@link IOException} naming its path.
     */
    public StateFileReader reader() {
        return h -> {
            CompletedCheckpoint c = byFile.get(h.path());
            if (c == null) {
                throw new IOException("no checkpoint holds state file '" + h.path() + "'");
            }
            return c.openStateFile(h);
        };
    }

    /** How many shared state files the backends created so far. */
    public int sharedFilesWritten() {
        return sharedFilesWritten.get();
    }

    private SnapshotWriter writer(PendingCheckpoint pending, boolean savepoint) {
        return new SnapshotWriter() {
            @Override
            public StateOutputStream createStateFile(String name) throws IOException {
                return pending.createStateFile(name);
            }

            @Override
            public boolean savepoint() {
                return savepoint;
            }

            @Override
            public boolean supportsSharedFiles() {
                return true;
            }

            @Override
            public StateOutputStream createSharedStateFile(String name) throws IOException {
                StateOutputStream out = pending.createSharedStateFile(name);
                sharedFilesWritten.incrementAndGet();
                return out;
            }
        };
    }
}
