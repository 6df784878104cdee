package io.weir.state.rocksdb;

import io.weir.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;
import io.weir.spi.state.StateFileReader;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filesystem checkpoint storage with shared state files, as the runtime is to offer them: shared files
 * go to {@code <directory>/shared/} with absolute handles, and a checkpoint lists them among its referenced
 * files ({@link KeyedStateHandle#files()}), so that the storage's retention keeps each while a retained
 * checkpoint references it. Also counts the shared files written.
 */
final class SharedFileCheckpoints {
    private final FileSystemCheckpointStorage storage;
    private final Path shared;
    private final Map<String, CompletedCheckpoint> byFile = new HashMap<>();
    final AtomicInteger sharedFilesWritten = new AtomicInteger();

    SharedFileCheckpoints(Path directory) {
        this.storage = new FileSystemCheckpointStorage(directory);
        this.shared = directory.resolve("shared");
    }

    FileSystemCheckpointStorage storage() {
        return storage;
    }

    /** Writes {@code snapshot} as checkpoint (or savepoint) {@code id}; returns its handle. */
    KeyedStateHandle write(long id, KeyedStateSnapshot snapshot, boolean savepoint) throws IOException {
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

    /** Opens the files of any checkpoint written through this object. */
    StateFileReader reader() {
        return h -> {
            CompletedCheckpoint c = byFile.get(h.path());
            if (c == null) {
                throw new IOException("no checkpoint holds state file '" + h.path() + "'");
            }
            return c.openStateFile(h);
        };
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
                Files.createDirectories(shared);
                sharedFilesWritten.incrementAndGet();
                return new SharedFile(shared.resolve(name));
            }
        };
    }

    /** All handles in {@code handles}' shared files. */
    static List<String> sharedPaths(KeyedStateHandle handle) {
        return handle.sharedFiles().stream().map(StateFileHandle::path).toList();
    }

    /** A shared file: absolute handle, fsynced on close. */
    private static final class SharedFile extends StateOutputStream {
        private final Path path;
        private final FileOutputStream out;
        private long size;
        private StateFileHandle handle;

        SharedFile(Path path) throws IOException {
            this.path = path;
            this.out = new FileOutputStream(path.toFile());
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            size += length;
        }

        @Override
        public void close() throws IOException {
            if (handle == null) {
                out.getFD().sync();
                out.close();
                handle = new StateFileHandle(path.toAbsolutePath().toString(), size);
            }
        }

        @Override
        public StateFileHandle handle() {
            if (handle == null) {
                throw new IllegalStateException("close the stream first");
            }
            return handle;
        }
    }
}
