package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.List;

/**
 * A checkpoint being written: tasks create its state files; the coordinator then either
 * {@linkplain #complete completes} it (its metadata is written atomically, and from that moment it
 * exists) or {@linkplain #abort aborts} it (everything written for it is deleted). Exactly one of the
 * two ends it; after that, {@link #createStateFile} fails.
 *
 * <h2>Thread safety</h2>
 * {@link #createStateFile} may be called from any thread, several at once; each stream belongs to the
 * thread that writes it. {@link #complete} and {@link #abort} are called by the coordinator, once all
 * streams it references are closed.
 */
@Evolving
public interface PendingCheckpoint {

    /** The checkpoint's id. */
    long checkpointId();

    /**
     * A new state file named {@code name} (unique within this checkpoint; letters, digits, {@code _ . -},
     * not starting with {@code _} or {@code .}). Write it, close it, then take its {@link StateOutputStream#handle()}.
     * The file is durable once the stream is closed.
     *
     * @throws IllegalArgumentException if the name is not allowed
     * @throws IOException              if the file exists already, cannot be created, or the checkpoint has ended
     */
    StateOutputStream createStateFile(String name) throws IOException;

    /**
     * Writes the checkpoint's metadata (to a temporary file, fsync, atomic rename, fsync of the folder):
     * from the moment this returns the checkpoint exists, and it did not exist before.
     *
     * @param metadata        the runtime's bytes, returned as they are by {@link CompletedCheckpoint#metadata()}
     * @param referencedFiles the state files the checkpoint needs (relative handles of this checkpoint, or
     *                        absolute ones of shared files); retention never deletes them while it is kept
     * @throws IOException naming the file that could not be written, or a referenced file that is missing
     *     or has another size; the checkpoint then does not exist (abort it)
     */
    CompletedCheckpoint complete(byte[] metadata, List<StateFileHandle> referencedFiles) throws IOException;

    /**
     * Deletes everything written for this checkpoint; does nothing after {@link #complete} succeeded or a
     * previous abort. Never throws: what cannot be deleted is logged and removed by a later
     * {@link CheckpointStorage#prune}.
     */
    void abort();

    /** {@code true} when {@link #createSharedStateFile} is supported (incremental snapshots). */
    default boolean supportsSharedFiles() {
        return false;
    }

    /**
     * A new state file that later checkpoints may reference too (an incremental snapshot's SST file). Its
     * handle carries an absolute path; {@link #abort()} does not delete it (a later checkpoint may reuse
     * it) and retention deletes it once no retained checkpoint references it.
     *
     * @throws UnsupportedOperationException when {@link #supportsSharedFiles()} is {@code false}
     */
    default StateOutputStream createSharedStateFile(String name) throws java.io.IOException {
        throw new UnsupportedOperationException("this checkpoint storage has no shared state files");
    }
}
