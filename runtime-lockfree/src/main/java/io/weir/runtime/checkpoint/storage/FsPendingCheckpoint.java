package io.weir.runtime.checkpoint.storage;

import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A checkpoint being written into its folder. {@link #complete} verifies the referenced files, writes
 * {@code _metadata.tmp}, fsyncs it, renames it atomically to {@code _metadata} and fsyncs the folder;
 * {@link #abort} deletes the folder. A state transition (open, completing, completed, aborted) makes
 * the two exclusive.
 */
final class FsPendingCheckpoint implements PendingCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(FsPendingCheckpoint.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private enum State { OPEN, COMPLETING, COMPLETED, ABORTED }

    private final FileSystemCheckpointStorage storage;
    private final long checkpointId;
    private final boolean savepoint;
    private final Path location;
    private final boolean ownsFolder;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

    FsPendingCheckpoint(FileSystemCheckpointStorage storage, long checkpointId, boolean savepoint, Path location,
                        boolean ownsFolder) {
        this.storage = storage;
        this.checkpointId = checkpointId;
        this.savepoint = savepoint;
        this.location = location;
        this.ownsFolder = ownsFolder;
    }

    @Override
    public long checkpointId() {
        return checkpointId;
    }

    Path location() {
        return location;
    }

    @Override
    public boolean supportsSharedFiles() {
        return true;
    }

    @Override
    public StateOutputStream createSharedStateFile(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("checkpoint " + checkpointId + ": shared state file name '" + name
                    + "' is not allowed (letters, digits, _ . -, not starting with _ . or -)");
        }
        Path dir = storage.directory().resolve("shared");
        Files.createDirectories(dir);
        Path file = dir.resolve(name).toAbsolutePath();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FsStateOutputStream(file, file.toString(), channel);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("checkpoint " + checkpointId + ": shared state file '" + file + "' exists already", e);
        }
    }

    @Override
    public StateOutputStream createStateFile(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("checkpoint " + checkpointId + ": state file name '" + name
                    + "' is not allowed (letters, digits, _ . -, not starting with _ . or -)");
        }
        State s = state.get();
        if (s != State.OPEN) {
            throw new IOException("checkpoint " + checkpointId + " at '" + location + "' is " + s.name().toLowerCase()
                    + ": no more state files can be created");
        }
        Path file = location.resolve(name);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FsStateOutputStream(file, name, channel);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("checkpoint " + checkpointId + ": state file '" + file + "' exists already", e);
        } catch (IOException e) {
            throw new IOException("checkpoint " + checkpointId + ": cannot create state file '" + file + "': " + e, e);
        }
    }

    @Override
    public CompletedCheckpoint complete(byte[] metadata, List<StateFileHandle> referencedFiles) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        List<StateFileHandle> files = List.copyOf(referencedFiles);
        if (!state.compareAndSet(State.OPEN, State.COMPLETING)) {
            throw new IOException("checkpoint " + checkpointId + " at '" + location + "' cannot complete: it is "
                    + state.get().name().toLowerCase());
        }
        Path target = location.resolve(FileSystemCheckpointStorage.METADATA);
        try {
            for (StateFileHandle f : files) {
                verify(f);
            }
            byte[] bytes = MetadataFile.encode(checkpointId, savepoint, metadata, files);
            Path temporary = location.resolve(FileSystemCheckpointStorage.METADATA_TMP);
            writeDurably(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            FsFiles.fsyncFolder(location);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target); // it must not exist unless complete returns normally
            state.set(State.OPEN);
            throw e;
        }
        state.set(State.COMPLETED);
        storage.ended(this);
        return new FsCompletedCheckpoint(location,
                new MetadataFile.Contents(checkpointId, savepoint, metadata.clone(), files));
    }

    private void verify(StateFileHandle f) throws IOException {
        Path file = FsCompletedCheckpoint.resolveFile(location, f);
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("checkpoint " + checkpointId + ": referenced state file '" + file + "' does not exist", e);
        }
        if (size != f.size()) {
            throw new IOException("checkpoint " + checkpointId + ": referenced state file '" + file + "' has " + size
                    + " bytes, its handle says " + f.size() + " (was its stream closed?)");
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new IOException("cannot write checkpoint metadata file '" + file + "': " + e, e);
        }
    }

    @Override
    public void abort() {
        if (!state.compareAndSet(State.OPEN, State.ABORTED)) {
            return;
        }
        storage.ended(this);
        try {
            if (ownsFolder) {
                FsFiles.deleteTree(location);
            } else {
                try (var entries = Files.list(location)) {
                    for (Path p : entries.toList()) {
                        FsFiles.deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("aborted checkpoint {}: cannot delete what was written for it at '{}' ({}); a later prune retries",
                    checkpointId, location, e.toString());
        }
    }

    @Override
    public String toString() {
        return (savepoint ? "pending savepoint " : "pending checkpoint ") + checkpointId + " at " + location;
    }
}
