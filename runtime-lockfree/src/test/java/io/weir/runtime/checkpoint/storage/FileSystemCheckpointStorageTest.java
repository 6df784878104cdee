package io.weir.runtime.checkpoint.storage;

import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.Configuration;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemCheckpointStorageTest {
    @TempDir
    Path root;

    private FileSystemCheckpointStorage storage() {
        return new FileSystemCheckpointStorage(root.resolve("job"));
    }

    private static StateFileHandle file(PendingCheckpoint p, String name, String content) throws IOException {
        StateOutputStream out = p.createStateFile(name);
        try (out) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return out.handle();
    }

    /** A completed checkpoint {@code id} with one state file of its own and {@code shared} referenced as well. */
    private static CompletedCheckpoint checkpoint(CheckpointStorage storage, long id, StateFileHandle... shared)
            throws IOException {
        PendingCheckpoint p = storage.begin(id, false, null);
        List<StateFileHandle> files = new ArrayList<>(List.of(file(p, "state", "state of " + id)));
        files.addAll(Arrays.asList(shared));
        return p.complete(("meta " + id).getBytes(StandardCharsets.UTF_8), files);
    }

    private static String read(CompletedCheckpoint c, StateFileHandle h) throws IOException {
        try (InputStream in = c.openStateFile(h)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Long> ids(CheckpointStorage storage) throws IOException {
        return storage.completedCheckpoints().stream().map(CompletedCheckpoint::checkpointId).toList();
    }

    /** A file under the storage's {@code shared/} folder, referenced by absolute path. */
    private StateFileHandle shared(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("job").resolve("shared"));
        Path f = Files.writeString(dir.resolve(name), name);
        return new StateFileHandle(f.toString(), Files.size(f));
    }

    @Test
    void shouldCompleteACheckpointWhoseMetadataAndFilesReadBack() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        PendingCheckpoint p = storage.begin(7, false, null);
        StateFileHandle h = file(p, "op-0-keyed", "hello");
        assertThat(h).isEqualTo(new StateFileHandle("op-0-keyed", 5));
        assertThat(storage.completedCheckpoints()).isEmpty(); // not before its metadata exists

        CompletedCheckpoint done = p.complete(new byte[]{1, 2, 3}, List.of(h));
        assertThat(done.checkpointId()).isEqualTo(7);
        assertThat(done.savepoint()).isFalse();
        assertThat(done.location()).isEqualTo(root.resolve("job/chk-7").toString());
        assertThat(Files.exists(root.resolve("job/chk-7/_metadata"))).isTrue();
        assertThat(Files.exists(root.resolve("job/chk-7/_metadata.tmp"))).isFalse();

        CompletedCheckpoint found = storage.completedCheckpoints().getFirst();
        assertThat(found.metadata()).containsExactly(1, 2, 3);
        assertThat(read(found, h)).isEqualTo("hello");
        assertThat(storage.resolve(done.location()).metadata()).containsExactly(1, 2, 3);
        assertThat(storage.resolve(done.location() + "/_metadata").checkpointId()).isEqualTo(7);
    }

    @Test
    void shouldListCompletedCheckpointsNewestFirstAndIgnoreAFolderWithoutMetadata() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        checkpoint(storage, 1);
        checkpoint(storage, 2);
        PendingCheckpoint interrupted = storage.begin(3, false, null);
        file(interrupted, "state", "half");
        Files.createDirectories(root.resolve("job/chk-4")); // a crash right after creating the folder

        assertThat(ids(storage)).containsExactly(2L, 1L);
        assertThat(ids(new FileSystemCheckpointStorage(root.resolve("job")))).containsExactly(2L, 1L);
    }

    @Test
    void shouldSkipACorruptMetadataFileAndStillFindThePreviousCheckpoint() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        checkpoint(storage, 1);
        checkpoint(storage, 2);
        Path metadata = root.resolve("job/chk-2/_metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(metadata, bytes);

        assertThat(ids(storage)).containsExactly(1L);
        assertThatThrownBy(() -> storage.resolve(root.resolve("job/chk-2").toString()))
                .isInstanceOf(IOException.class).hasMessageContaining(metadata.toString())
                .hasMessageContaining("checksum");
    }

    @Test
    void shouldSkipATruncatedMetadataFile() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        checkpoint(storage, 1);
        checkpoint(storage, 2);
        Path metadata = root.resolve("job/chk-2/_metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        Files.write(metadata, Arrays.copyOf(bytes, bytes.length - 5));

        assertThat(ids(storage)).containsExactly(1L);
        assertThatThrownBy(() -> storage.resolve(metadata.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining(metadata.toString()).hasMessageContaining("truncated");
    }

    @Test
    void shouldNameThePathWhenThereIsNoCheckpointToResolve() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        Path missing = root.resolve("nowhere");
        assertThatThrownBy(() -> storage.resolve(missing.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> storage.resolve(empty.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("_metadata");
    }

    @Test
    void shouldNameAStateFileThatIsMissing() throws IOException {
        CompletedCheckpoint c = checkpoint(storage(), 1);
        Path state = root.resolve("job/chk-1/state");
        Files.delete(state);
        assertThatThrownBy(() -> c.openStateFile(new StateFileHandle("state", 10))).isInstanceOf(IOException.class)
                .hasMessageContaining(state.toString());
    }

    @Test
    void shouldRefuseToCompleteWithAMissingOrUnfinishedReferencedFile() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        PendingCheckpoint p = storage.begin(1, false, null);
        StateFileHandle h = file(p, "state", "abc");
        assertThatThrownBy(() -> p.complete(new byte[0], List.of(new StateFileHandle("other", 1))))
                .isInstanceOf(IOException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> p.complete(new byte[0], List.of(new StateFileHandle("state", 99))))
                .isInstanceOf(IOException.class).hasMessageContaining("99");
        assertThat(storage.completedCheckpoints()).isEmpty();
        assertThat(p.complete(new byte[0], List.of(h)).checkpointId()).isEqualTo(1);
    }

    @Test
    void shouldDeleteEverythingWrittenForAnAbortedCheckpoint() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        PendingCheckpoint p = storage.begin(1, false, null);
        file(p, "state", "abc");
        p.abort();
        assertThat(root.resolve("job/chk-1")).doesNotExist();
        assertThatThrownBy(() -> p.createStateFile("more")).isInstanceOf(IOException.class)
                .hasMessageContaining("aborted");
        assertThatThrownBy(() -> p.complete(new byte[0], List.of())).isInstanceOf(IOException.class);
        p.abort(); // a second abort does nothing
    }

    @Test
    void shouldRefuseStateFileNamesThatCouldClashWithTheMetadata() throws IOException {
        PendingCheckpoint p = storage().begin(1, false, null);
        for (String name : List.of("_metadata", ".hidden", "a/b", "../up", "")) {
            assertThatThrownBy(() -> p.createStateFile(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        file(p, "same", "x");
        assertThatThrownBy(() -> p.createStateFile("same")).isInstanceOf(IOException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void shouldReplaceTheLeftoversOfACheckpointThatNeverCompletedButRefuseOneThatDid() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        Files.createDirectories(root.resolve("job/chk-5"));
        Files.writeString(root.resolve("job/chk-5/state"), "junk");
        PendingCheckpoint p = storage.begin(5, false, null);
        assertThat(root.resolve("job/chk-5/state")).doesNotExist();
        assertThatThrownBy(() -> storage.begin(5, false, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("being written");
        p.complete(new byte[0], List.of());
        assertThatThrownBy(() -> storage.begin(5, false, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void shouldPruneToTheNewestCheckpointsButKeepFilesThatKeptCheckpointsReference() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        StateFileHandle a = shared("a.sst");
        StateFileHandle b = shared("b.sst");
        checkpoint(storage, 1, a);
        CompletedCheckpoint second = checkpoint(storage, 2, a, b);
        StateFileHandle ofSecond = new StateFileHandle(root.resolve("job/chk-2/state").toString(), "state of 2".length());
        CompletedCheckpoint third = checkpoint(storage, 3, b, ofSecond);
        checkpoint(storage, 4, b);
        assertThat(second.checkpointId()).isEqualTo(2);

        storage.prune(2);
        assertThat(ids(storage)).containsExactly(4L, 3L);
        assertThat(root.resolve("job/chk-1")).doesNotExist();
        assertThat(Path.of(a.path())).doesNotExist();
        assertThat(Path.of(b.path())).exists();
        assertThat(root.resolve("job/chk-2/_metadata")).doesNotExist(); // no longer a checkpoint...
        assertThat(read(third, ofSecond)).isEqualTo("state of 2");     // ...but its file that 3 needs stays

        storage.prune(1);
        assertThat(ids(storage)).containsExactly(4L);
        assertThat(root.resolve("job/chk-2")).doesNotExist();
        assertThat(root.resolve("job/chk-3")).doesNotExist();
        assertThat(Path.of(b.path())).exists();
        assertThat(read(storage.completedCheckpoints().getFirst(), b)).isEqualTo("b.sst");
    }

    @Test
    void shouldPruneFoldersThatNeverCompletedButNotAPendingOne() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        checkpoint(storage, 1);
        Files.createDirectories(root.resolve("job/chk-2"));
        checkpoint(storage, 3);
        PendingCheckpoint pending = storage.begin(4, false, null);
        file(pending, "state", "in flight");

        storage.prune(1);
        assertThat(root.resolve("job/chk-1")).doesNotExist();
        assertThat(root.resolve("job/chk-2")).doesNotExist();
        assertThat(root.resolve("job/chk-4/state")).exists();
        assertThat(pending.complete(new byte[0], List.of()).checkpointId()).isEqualTo(4);
    }

    @Test
    void shouldKeepSavepointsSelfContainedAndNeverPruneThem() throws IOException {
        FileSystemCheckpointStorage storage = storage();
        Path target = root.resolve("savepoints/sp-1");
        PendingCheckpoint sp = storage.begin(2, true, target.toString());
        StateFileHandle h = file(sp, "state", "saved");
        CompletedCheckpoint savepoint = sp.complete(new byte[]{9}, List.of(h));
        assertThat(savepoint.savepoint()).isTrue();
        assertThat(savepoint.location()).isEqualTo(target.toString());
        PendingCheckpoint inside = storage.begin(3, true, null); // the storage's own savepoint folder
        CompletedCheckpoint defaultLocated = inside.complete(new byte[]{8}, List.of(file(inside, "state", "own")));
        for (long id = 4; id <= 6; id++) {
            checkpoint(storage, id);
        }

        storage.prune(1);
        assertThat(ids(storage)).containsExactly(6L);
        CompletedCheckpoint resolved = storage.resolve(target.toString());
        assertThat(resolved.savepoint()).isTrue();
        assertThat(resolved.metadata()).containsExactly(9);
        assertThat(read(resolved, h)).isEqualTo("saved");
        assertThat(read(storage.resolve(defaultLocated.location()), h)).isEqualTo("own");
    }

    @Test
    void shouldRefuseASavepointFolderThatIsNotEmpty() throws IOException {
        Path target = Files.createDirectories(root.resolve("sp"));
        Files.writeString(target.resolve("something"), "x");
        assertThatThrownBy(() -> storage().begin(1, true, target.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString()).hasMessageContaining("not empty");
    }

    @Test
    void shouldRefuseToKeepFewerThanOneCheckpoint() {
        assertThatThrownBy(() -> storage().prune(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBeFoundByNameWithTheDirectoryOfTheConfiguration() {
        Configuration configuration = new Configuration()
                .set(CheckpointOptions.CHECKPOINT_DIRECTORY, root.resolve("configured").toString());
        try (CheckpointStorage s = CheckpointStorages.create("job", configuration)) {
            assertThat(((FileSystemCheckpointStorage) s).directory()).isEqualTo(root.resolve("configured"));
        }
        try (CheckpointStorage s = CheckpointStorages.create("my job/1", new Configuration())) {
            assertThat(((FileSystemCheckpointStorage) s).directory())
                    .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "checkpoints", "my_job_1").toAbsolutePath());
        }
        assertThatThrownBy(() -> CheckpointStorages.find("s3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filesystem").hasMessageContaining("checkpoint.storage");
    }
}
