package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.spi.checkpoint.StateFileHandle;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the state files named by {@link KeyedStateHandle}s during a restore: the runtime adapts a
 * {@link io.weir.spi.checkpoint.CompletedCheckpoint} ({@code checkpoint::openStateFile}).
 *
 * <h2>Thread safety</h2>
 * Called from the thread that runs {@link KeyedStateBackend#restore}; each stream is closed by the caller.
 */
@Evolving
@FunctionalInterface
public interface StateFileReader {

    /**
     * A new stream over the whole file, from its first byte.
     *
     * @throws IOException naming the file if it is missing or cannot be read
     */
    InputStream open(StateFileHandle handle) throws IOException;
}
