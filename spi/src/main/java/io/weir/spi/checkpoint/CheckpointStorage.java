package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.List;

/**
 * The checkpoints of one job. A checkpoint is written in two steps: {@link #begin} gives a
 * {@link PendingCheckpoint}, into which tasks write their state files (any thread, concurrently);
 * then the coordinator {@linkplain PendingCheckpoint#complete completes} it by writing its metadata
 * atomically. Only a checkpoint whose metadata was written (and reads back intact) exists: one
 * interrupted at any earlier point, or whose metadata is corrupt, is never returned by
 * {@link #completedCheckpoints()}.
 *
 * <p>Savepoints are checkpoints that the user triggers: they are written to a directory of their own,
 * are self-contained (they reference no file outside it), and are never deleted by {@link #prune}.
 *
 * <p>Lifecycle: created by {@link CheckpointStorageFactory#create}, used, then {@link #close()}d once;
 * closing deletes nothing that was completed.
 *
 * <h2>Thread safety</h2>
 * All methods may be called from any thread (the coordinator, the asynchronous snapshot writers).
 *
 * <h2>Errors</h2>
 * An {@link IOException} names the path that could not be read or written.
 */
@Evolving
public interface CheckpointStorage extends AutoCloseable {

    /**
     * Begins checkpoint {@code checkpointId}. A savepoint goes to {@code savepointDirectory} (which must
     * not hold a savepoint already; {@code null} picks a folder of the storage's own), is self-contained
     * and is never deleted by retention.
     *
     * @throws IOException if its folder cannot be created, or a completed checkpoint with that id exists
     */
    PendingCheckpoint begin(long checkpointId, boolean savepoint, String savepointDirectory) throws IOException;

    /**
     * The completed checkpoints of this storage's directory, newest (highest id) first. A folder without
     * metadata, or with metadata that does not read back intact, is not one (it is skipped, with a
     * warning naming it). Savepoints written elsewhere are not listed.
     */
    List<CompletedCheckpoint> completedCheckpoints() throws IOException;

    /**
     * The completed checkpoint or savepoint at {@code path}: its folder (or its metadata file), for a
     * restore from an explicit location.
     *
     * @throws IOException naming the path if there is none there, or naming the metadata file if it is
     *     missing, truncated or corrupt
     */
    CompletedCheckpoint resolve(String path) throws IOException;

    /**
     * Keeps the newest {@code retain} completed checkpoints of this storage's directory and deletes the
     * older ones, and folders of checkpoints that never completed (except those still pending), but
     * never a file that a kept checkpoint references. Never deletes savepoints.
     *
     * @throws IllegalArgumentException if {@code retain < 1}
     * @throws IOException              naming what could not be deleted
     */
    void prune(int retain) throws IOException;

    /** Releases what the storage holds; completed checkpoints stay. Later calls do nothing. */
    @Override
    void close();
}
