package io.weir.state.rocksdb;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.storage.KeyedSnapshotCheckpoints;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.state.KeyedStateHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Incremental checkpoints on the filesystem storage with shared files: a second checkpoint after 1% of the
 * keys changed writes only the new SST files; retention keeps the shared files a retained checkpoint uses;
 * a restore reuses them; savepoints are self-contained; corrupt files are refused naming the file.
 */
class IncrementalCheckpointTest {
    private static final int KEYS = 20_000;

    @TempDir
    Path directory;

    private final CodecRegistry codecs = new CodecRegistry();
    private final List<KeyedStateManager> managers = new ArrayList<>();
    private final ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("v", Long.class);

    @AfterEach
    void close() {
        managers.forEach(KeyedStateManager::close);
    }

    private KeyedStateManager manager() {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, "rocksdb")
                .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.resolve("local").toString());
        KeyedStateManager m = KeyedStateManager.create(configuration, codecs, "op", 0, 1, 128, () -> 0L);
        managers.add(m);
        return m;
    }

    private static void write(KeyedStateManager m, ValueState<Long> v, int from, int to, long delta) {
        for (int i = from; i < to; i++) {
            m.setCurrentKey("key-" + i);
            v.update(i + delta);
        }
    }

    private static long bytes(List<StateFileHandle> files) {
        return files.stream().mapToLong(StateFileHandle::size).sum();
    }

    @Test
    void shouldUploadOnlyNewSstFilesWhenOnePercentOfKeysChangeAndKeepSharedFilesOnPruning() throws IOException {
        KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        KeyedStateManager m = manager();
        ValueState<Long> v = m.getState(descriptor);
        write(m, v, 0, KEYS, 0);
        KeyedStateHandle first = checkpoints.write(1, m.backend().snapshot(1), false);
        int afterFirst = checkpoints.sharedFilesWritten();
        assertThat(first.sharedFiles()).isNotEmpty();
        assertThat(afterFirst).isEqualTo(first.sharedFiles().size());

        write(m, v, 0, KEYS / 100, 1_000_000); // 1% of the keys change
        KeyedStateHandle second = checkpoints.write(2, m.backend().snapshot(2), false);
        Set<StateFileHandle> reused = new HashSet<>(second.sharedFiles());
        reused.retainAll(first.sharedFiles());
        List<StateFileHandle> added = second.sharedFiles().stream().filter(f -> !first.sharedFiles().contains(f)).toList();
        assertThat(reused).as("SST files of the first checkpoint referenced again").isNotEmpty();
        assertThat(added).as("new SST files").isNotEmpty();
        assertThat(checkpoints.sharedFilesWritten() - afterFirst).isEqualTo(added.size());
        assertThat(bytes(added)).isLessThan(bytes(first.sharedFiles()) / 10);
        assertThat(second.size()).as("bytes written by the second checkpoint")
                .isEqualTo(second.file().size() + bytes(added));

        checkpoints.storage().prune(1); // deletes checkpoint 1
        for (StateFileHandle f : second.files()) {
            Path p = f.path().startsWith("/") ? Path.of(f.path())
                    : directory.resolve("checkpoints").resolve("chk-2").resolve(f.path());
            assertThat(p).as("file of the retained checkpoint").exists();
        }
        for (StateFileHandle f : first.sharedFiles()) {
            if (!second.sharedFiles().contains(f)) {
                assertThat(Path.of(f.path())).as("shared file only the pruned checkpoint used").doesNotExist();
            }
        }

        KeyedStateManager restored = manager();
        restored.backend().restore(List.of(second), checkpoints.reader());
        ValueState<Long> r = restored.getState(descriptor);
        for (int i = 0; i < KEYS; i++) {
            restored.setCurrentKey("key-" + i);
            assertThat(r.value()).isEqualTo(i < KEYS / 100 ? i + 1_000_000L : i);
        }
        int beforeThird = checkpoints.sharedFilesWritten();
        KeyedStateHandle third = checkpoints.write(3, restored.backend().snapshot(3), false);
        assertThat(checkpoints.sharedFilesWritten()).as("nothing new to write after an unchanged restore")
                .isEqualTo(beforeThird);
        assertThat(second.sharedFiles()).containsAll(third.sharedFiles());
    }

    @Test
    void shouldWriteSelfContainedSavepointsThatRestoreWithoutSharedFiles() throws IOException {
        KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        KeyedStateManager m = manager();
        ValueState<Long> v = m.getState(descriptor);
        write(m, v, 0, 1_000, 7);
        checkpoints.write(1, m.backend().snapshot(1), false);
        KeyedStateHandle savepoint = checkpoints.write(2, m.backend().snapshot(2), true);
        assertThat(savepoint.sharedFiles()).isEmpty();
        assertThat(savepoint.keyGroupOffsets()).hasSize(128);

        try (var shared = Files.list(directory.resolve("checkpoints").resolve("shared"))) {
            for (Path p : shared.toList()) {
                Files.delete(p);
            }
        }
        KeyedStateManager restored = manager();
        restored.backend().restore(List.of(savepoint), checkpoints.reader());
        ValueState<Long> r = restored.getState(descriptor);
        for (int i = 0; i < 1_000; i++) {
            restored.setCurrentKey("key-" + i);
            assertThat(r.value()).isEqualTo(i + 7L);
        }
    }

    @Test
    void shouldRefuseACorruptCheckpointFileNamingIt() throws IOException {
        KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        KeyedStateManager m = manager();
        ValueState<Long> v = m.getState(descriptor);
        write(m, v, 0, 100, 0);
        KeyedStateHandle handle = checkpoints.write(1, m.backend().snapshot(1), false);
        Path file = directory.resolve("checkpoints").resolve("chk-1").resolve(handle.file().path());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 3);
            raf.write(new byte[]{1, 2, 3});
        }
        KeyedStateManager restored = manager();
        int open = RocksDbInstance.openInstances();
        assertThatThrownBy(() -> restored.backend().restore(List.of(handle), checkpoints.reader()))
                .isInstanceOf(IOException.class).hasMessageContaining(handle.file().path())
                .hasMessageContaining("checksum");
        assertThat(RocksDbInstance.openInstances()).as("instances open after a failed restore").isEqualTo(open);
    }

    @Test
    void shouldRefuseAMissingSharedFileNamingIt() throws IOException {
        KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        KeyedStateManager m = manager();
        ValueState<Long> v = m.getState(descriptor);
        write(m, v, 0, 100, 0);
        KeyedStateHandle handle = checkpoints.write(1, m.backend().snapshot(1), false);
        Path sst = Path.of(handle.sharedFiles().getFirst().path());
        Files.delete(sst);
        KeyedStateManager restored = manager();
        int open = RocksDbInstance.openInstances();
        assertThatThrownBy(() -> restored.backend().restore(List.of(handle), checkpoints.reader()))
                .isInstanceOf(IOException.class).hasMessageContaining(sst.getFileName().toString());
        assertThat(RocksDbInstance.openInstances()).as("instances open after a failed restore").isEqualTo(open);
    }
}
