package io.weir.runtime.checkpoint.storage;

import io.weir.api.config.CheckpointOptions;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CheckpointStorageContext;
import io.weir.spi.checkpoint.CheckpointStorageFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code filesystem} checkpoint storage, registered with {@link java.util.ServiceLoader}: checkpoints
 * in {@code checkpoint.directory} ({@link CheckpointOptions#CHECKPOINT_DIRECTORY}), by default
 * {@code <java.io.tmpdir>/checkpoints/<job name>}.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class FileSystemCheckpointStorageFactory implements CheckpointStorageFactory {

    /** The name to select this storage with {@code checkpoint.storage}. */
    public static final String NAME = "filesystem";

    /** For {@link java.util.ServiceLoader}. */
    public FileSystemCheckpointStorageFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "checkpoints as folders of files, metadata written last and atomically";
    }

    @Override
    public CheckpointStorage create(CheckpointStorageContext context) {
        return new FileSystemCheckpointStorage(directory(context));
    }

    /** The folder of the job's checkpoints per the configuration. */
    static Path directory(CheckpointStorageContext context) {
        String configured = context.configuration().get(CheckpointOptions.CHECKPOINT_DIRECTORY);
        try {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            String job = context.jobName().replaceAll("[^A-Za-z0-9_.-]+", "_");
            return Path.of(System.getProperty("java.io.tmpdir"), "checkpoints", job.isEmpty() ? "job" : job)
                    .toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("option '" + CheckpointOptions.CHECKPOINT_DIRECTORY.key() + "': '"
                    + configured + "' is not a valid path: " + e.getMessage(), e);
        }
    }
}
