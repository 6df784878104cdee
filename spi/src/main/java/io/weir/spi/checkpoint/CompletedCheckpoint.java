package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.InputStream;

/**
 * A checkpoint or savepoint whose metadata was written: what a restore reads.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; each stream of {@link #openStateFile} belongs to the thread that reads it.
 */
@Evolving
public interface CompletedCheckpoint {

    /** The checkpoint's id. */
    long checkpointId();

    /** Whether it is a savepoint. */
    boolean savepoint();

    /** Where it is (its folder), for messages and for a later restore from this path. */
    String location();

    /**
     * The runtime's metadata bytes, as given to {@link PendingCheckpoint#complete}, verified against
     * their checksum.
     *
     * @throws IOException naming the metadata file if it is missing, truncated or corrupt
     */
    byte[] metadata() throws IOException;

    /**
     * Opens a state file of this checkpoint (a relative handle is resolved against {@link #location()}).
     *
     * @throws IOException naming the file if it is missing or cannot be read
     */
    InputStream openStateFile(StateFileHandle handle) throws IOException;
}
