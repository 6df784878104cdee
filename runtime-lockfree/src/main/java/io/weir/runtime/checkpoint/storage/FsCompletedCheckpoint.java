package io.weir.runtime.checkpoint.storage;

import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A completed checkpoint or savepoint in its folder, with its verified metadata. Immutable. */
final class FsCompletedCheckpoint implements CompletedCheckpoint {
    private static final int BUFFER = 64 * 1024;

    private final Path location;
    private final MetadataFile.Contents contents;

    FsCompletedCheckpoint(Path location, MetadataFile.Contents contents) {
        this.location = location;
        this.contents = contents;
    }

    /** The absolute path of {@code handle}: relative ones against {@code location}, which they must not leave. */
    static Path resolveFile(Path location, StateFileHandle handle) throws IOException {
        Path path = Path.of(handle.path());
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path resolved = location.resolve(path).normalize();
        if (!resolved.startsWith(location)) {
            throw new IOException("state file '" + handle.path() + "' lies outside its checkpoint '" + location + "'");
        }
        return resolved;
    }

    @Override
    public long checkpointId() {
        return contents.checkpointId();
    }

    @Override
    public boolean savepoint() {
        return contents.savepoint();
    }

    @Override
    public String location() {
        return location.toString();
    }

    Path folder() {
        return location;
    }

    /** The files its metadata references. */
    List<StateFileHandle> referencedFiles() {
        return contents.files();
    }

    @Override
    public byte[] metadata() {
        return contents.payload().clone();
    }

    @Override
    public InputStream openStateFile(StateFileHandle handle) throws IOException {
        Path file = resolveFile(location, handle);
        try {
            return new BufferedInputStream(Files.newInputStream(file), BUFFER);
        } catch (NoSuchFileException e) {
            throw new IOException("state file '" + file + "' of " + this + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot open state file '" + file + "' of " + this + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return (savepoint() ? "savepoint " : "checkpoint ") + checkpointId() + " at '" + location + "'";
    }
}
