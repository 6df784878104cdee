package io.weir.perf.state;

import io.weir.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checkpoints on the filesystem storage with shared state files in {@code <directory>/shared/} (absolute
 * handles, listed among the checkpoint's referenced files), as incremental RocksDB checkpoints need them;
 * until the runtime's checkpoint writer offers shared files, the harnesses write their checkpoints here.
 */
final class SharedFileCheckpoints {
    private final FileSystemCheckpointStorage storage;
    private final Path shared;

    SharedFileCheckpoints(Path directory) {
        this.storage = new FileSystemCheckpointStorage(directory);
        this.shared = directory.resolve("shared");
    }

    /** Writes {@code snapshot} as checkpoint {@code id} (a savepoint: self-contained); returns its handle. */
    KeyedStateHandle write(long id, KeyedStateSnapshot snapshot, boolean savepoint) throws IOException {
        PendingCheckpoint pending = storage.begin(id, savepoint, null);
        KeyedStateHandle handle = snapshot.write(new SnapshotWriter() {
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
                return new SharedFile(shared.resolve(name));
            }
        });
        pending.complete(new byte[0], handle.files());
        return handle;
    }

    /** A shared file: absolute handle, fsynced on close. */
    private static final class SharedFile extends StateOutputStream {
        private final Path path;
        private final FileOutputStream file;
        private final BufferedOutputStream out;
        private long size;
        private StateFileHandle handle;

        SharedFile(Path path) throws IOException {
            this.path = path;
            this.file = new FileOutputStream(path.toFile());
            this.out = new BufferedOutputStream(file, 1 << 16);
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
                out.flush();
                file.getFD().sync();
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
