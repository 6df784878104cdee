package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

import java.util.Objects;

/**
 * Names one state file of a checkpoint, as stored in its metadata.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param path the file's path relative to the checkpoint's location (a file of the checkpoint), or an
 *             absolute path (a file shared between checkpoints)
 * @param size the file's length in bytes
 */
@Evolving
public record StateFileHandle(String path, long size) {

    public StateFileHandle {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a state file path must not be empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("state file '" + path + "': negative size " + size);
        }
    }
}
