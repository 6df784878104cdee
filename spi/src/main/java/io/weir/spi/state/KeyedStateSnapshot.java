package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * The state of a {@link KeyedStateBackend} as captured by {@link KeyedStateBackend#snapshot} at a
 * checkpoint barrier, still to be written. Whatever the backend does after the capture does not
 * change what {@link #write} writes.
 *
 * <h2>Thread safety</h2>
 * {@link #write} is called once, on any thread (usually an I/O thread while the task goes on), after a
 * happens-before edge from the {@code snapshot} call (any executor or concurrent-queue hand-off gives
 * one). It never touches the backend's live structures in a way that races with the task's thread.
 */
@Evolving
@FunctionalInterface
public interface KeyedStateSnapshot {

    /**
     * Serializes the captured state into files created through {@code writer} (the heap backend: one
     * file) and describes what it wrote.
     *
     * @throws IOException if writing fails; the checkpoint must then be declined
     */
    KeyedStateHandle write(SnapshotWriter writer) throws IOException;
}
