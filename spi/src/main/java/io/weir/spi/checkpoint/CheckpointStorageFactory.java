package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

/**
 * Creates {@link CheckpointStorage}s. Discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.weir.spi.checkpoint.CheckpointStorageFactory}); a job selects one by
 * {@link #name()} with the {@code checkpoint.storage} option ({@code io.weir.api.config.CheckpointOptions}).
 *
 * <h2>Thread safety</h2>
 * Must be thread-safe: {@link #create} may be called from any thread, concurrently.
 */
@Evolving
public interface CheckpointStorageFactory {

    /** The unique name used in configuration, such as {@code "filesystem"}. Lower case, no spaces. */
    String name();

    /** A one-line description shown by {@code weir plugins}. */
    default String description() {
        return name();
    }

    /**
     * The storage of one job, configured from {@code context}. Creating it touches nothing yet: folders
     * are created when the first checkpoint begins. The caller closes it.
     *
     * @throws IllegalArgumentException if an option of the storage is invalid (naming it)
     */
    CheckpointStorage create(CheckpointStorageContext context);
}
