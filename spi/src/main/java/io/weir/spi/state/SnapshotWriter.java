package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.spi.checkpoint.StateOutputStream;

import java.io.IOException;

/**
 * Where a {@link KeyedStateSnapshot} writes its files: the runtime adapts a
 * {@link io.weir.spi.checkpoint.PendingCheckpoint} ({@code checkpoint::createStateFile}), and may
 * replace the suggested name with one that is unique within the checkpoint.
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
}
