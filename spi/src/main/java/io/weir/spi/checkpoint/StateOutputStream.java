package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

import java.io.OutputStream;

/**
 * The output stream of one state file of a {@link PendingCheckpoint}. {@link #close()} makes the file
 * durable (flush and fsync); {@link #handle()} then names it for the checkpoint's metadata.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one writer thread.
 */
@Evolving
public abstract class StateOutputStream extends OutputStream {

    /** For subclasses. */
    protected StateOutputStream() {
    }

    /**
     * The handle of the written file, with its final size.
     *
     * @throws IllegalStateException if the stream is not closed yet (or closing it failed)
     */
    public abstract StateFileHandle handle();
}
