package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.spi.checkpoint.StateFileHandle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link KeyedStateSnapshot} wrote: which backend wrote it, for which key groups, in which file
 * and where each key group starts in it, so that a restore with another parallelism reads only the key
 * groups it owns. Stored in the checkpoint's metadata by the runtime.
 *
 * <h2>Thread safety</h2>
 * Immutable: the offsets are copied in and out.
 *
 * @param backend         the name of the backend that wrote it ({@code "heap"}); another backend may refuse it
 * @param range           the key groups the writing backend owned
 * @param file            the state file, or {@code null} when the backend held no state at all (then
 *                        {@code keyGroupOffsets} is empty)
 * @param keyGroupOffsets the offset in {@code file} of the data of each key group of {@code range}, in order
 * @param size            the bytes written in all
 * @param sharedFiles     files that this snapshot references besides {@code file} and that other checkpoints
 *                        may reference too (the SST files of an incremental RocksDB checkpoint, created with
 *                        {@link SnapshotWriter#createSharedStateFile}); empty for self-contained snapshots. The
 *                        runtime lists them among the checkpoint's referenced files, so that retention keeps
 *                        each while a retained checkpoint uses it
 */
@Evolving
public record KeyedStateHandle(String backend, KeyGroupRange range, StateFileHandle file, long[] keyGroupOffsets,
                               long size, List<StateFileHandle> sharedFiles) {

    public KeyedStateHandle {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(keyGroupOffsets, "keyGroupOffsets");
        int expected = file == null ? 0 : Math.max(0, range.size());
        if (keyGroupOffsets.length != expected) {
            throw new IllegalArgumentException("keyed state handle of " + backend + " for key groups " + range + ": "
                    + keyGroupOffsets.length + " key-group offsets, expected " + expected);
        }
        if (size < 0) {
            throw new IllegalArgumentException("keyed state handle of " + backend + ": negative size " + size);
        }
        keyGroupOffsets = keyGroupOffsets.clone();
        sharedFiles = List.copyOf(Objects.requireNonNull(sharedFiles, "sharedFiles"));
        if (file == null && !sharedFiles.isEmpty()) {
            throw new IllegalArgumentException("keyed state handle of " + backend + " for key groups " + range
                    + ": shared files without a state file");
        }
    }

    /** A handle of a self-contained snapshot (no shared files). */
    public KeyedStateHandle(String backend, KeyGroupRange range, StateFileHandle file, long[] keyGroupOffsets,
                            long size) {
        this(backend, range, file, keyGroupOffsets, size, List.of());
    }

    /** Every file the handle needs: {@link #file()} (if any), then the {@link #sharedFiles()}. */
    public List<StateFileHandle> files() {
        if (file == null) {
            return List.of();
        }
        List<StateFileHandle> all = new ArrayList<>(1 + sharedFiles.size());
        all.add(file);
        all.addAll(sharedFiles);
        return List.copyOf(all);
    }

    /** A copy of the offsets of each key group of {@link #range()} in {@link #file()}. */
    @Override
    public long[] keyGroupOffsets() {
        return keyGroupOffsets.clone();
    }

    /** The offset in {@link #file()} of {@code keyGroup}'s data. */
    public long offsetOf(int keyGroup) {
        if (file == null || !range.contains(keyGroup)) {
            throw new IllegalArgumentException("keyed state handle " + this + " holds no key group " + keyGroup);
        }
        return keyGroupOffsets[keyGroup - range.first()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyedStateHandle h && h.backend.equals(backend) && h.range.equals(range)
                && Objects.equals(h.file, file) && Arrays.equals(h.keyGroupOffsets, keyGroupOffsets) && h.size == size
                && h.sharedFiles.equals(sharedFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, range, file, size, sharedFiles) * 31 + Arrays.hashCode(keyGroupOffsets);
    }

    @Override
    public String toString() {
        return "KeyedStateHandle[" + backend + ", key groups " + range + ", "
                + (file == null ? "no state" : file.path() + ", " + size + " bytes")
                + (sharedFiles.isEmpty() ? "" : ", " + sharedFiles.size() + " shared files") + "]";
    }
}
