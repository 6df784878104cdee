package io.weir.runtime.checkpoint.storage;

import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The {@code filesystem} {@link CheckpointStorage}: checkpoint {@code n} of a job is the folder
 * {@code <directory>/chk-<n>/}, holding its state files and, written last and atomically, its
 * {@code _metadata} ({@link MetadataFile}). A folder without a {@code _metadata} that reads back intact is
 * not a checkpoint. Savepoints are folders of their own (by default {@code <directory>/savepoint-<n>-<millis>/}),
 * self-contained, and never pruned.
 *
 * <p>Retention ({@link #prune}) counts references: a kept checkpoint's metadata lists every file it needs
 * (its own, or shared ones, such as incremental SST files of a later RocksDB backend under
 * {@code <directory>/shared/}); deleting an old checkpoint deletes its {@code _metadata} first, so that it
 * stops being a checkpoint, then each of its files that no kept checkpoint references, and only files
 * under {@code directory}.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: the pending checkpoints are tracked in a concurrent set; every other operation works on the
 * file system only.
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {
    static final String METADATA = "_metadata";
    static final String METADATA_TMP = "_metadata.tmp";
    static final String CHECKPOINT_PREFIX = "chk-";
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointStorage.class);

    private final Path directory;
    private final Set<Path> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A storage of the checkpoints in {@code directory} (created when the first checkpoint begins). */
    public FileSystemCheckpointStorage(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The folder of the job's checkpoints. */
    public Path directory() {
        return directory;
    }

    @Override
    public PendingCheckpoint begin(long checkpointId, boolean savepoint, String savepointDirectory) throws IOException {
        requireOpen();
        if (checkpointId < 0) {
            throw new IllegalArgumentException("checkpoint ids are >= 0, not " + checkpointId);
        }
        if (savepoint) {
            return beginSavepoint(checkpointId, savepointDirectory);
        }
        Path location = directory.resolve(CHECKPOINT_PREFIX + checkpointId);
        if (pending.contains(location)) {
            throw new IOException("checkpoint " + checkpointId + " is being written already at '" + location + "'");
        }
        if (Files.exists(location.resolve(METADATA))) {
            throw new IOException("checkpoint " + checkpointId + " exists already at '" + location
                    + "' (checkpoint ids must grow across restarts)");
        }
        try {
            FsFiles.deleteTree(location); // the leftovers of an attempt that never completed
            Files.createDirectories(directory);
            Files.createDirectory(location);
            FsFiles.fsyncFolder(directory);
        } catch (IOException e) {
            throw new IOException("cannot create the folder of checkpoint " + checkpointId + " at '" + location + "': "
                    + e, e);
        }
        FsPendingCheckpoint p = new FsPendingCheckpoint(this, checkpointId, false, location, true);
        pending.add(location);
        return p;
    }

    private PendingCheckpoint beginSavepoint(long checkpointId, String savepointDirectory) throws IOException {
        Path location = savepointDirectory != null && !savepointDirectory.isBlank()
                ? Path.of(savepointDirectory).toAbsolutePath().normalize()
                : directory.resolve("savepoint-" + checkpointId + "-" + System.currentTimeMillis());
        boolean existed = Files.isDirectory(location);
        if (existed) {
            try (Stream<Path> entries = Files.list(location)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("savepoint " + checkpointId + ": folder '" + location + "' is not empty"
                            + (Files.exists(location.resolve(METADATA)) ? " (it holds a savepoint already)" : ""));
                }
            }
        } else {
            try {
                Files.createDirectories(location);
                FsFiles.fsyncFolder(location.getParent());
            } catch (IOException e) {
                throw new IOException("cannot create savepoint folder '" + location + "': " + e, e);
            }
        }
        return new FsPendingCheckpoint(this, checkpointId, true, location, !existed);
    }

    /** Called by a pending checkpoint once it completed or was aborted. */
    void ended(FsPendingCheckpoint checkpoint) {
        pending.remove(checkpoint.location());
    }

    @Override
    public List<CompletedCheckpoint> completedCheckpoints() throws IOException {
        List<CompletedCheckpoint> result = new ArrayList<>();
        for (Folder f : scan()) {
            if (f.checkpoint != null) {
                result.add(f.checkpoint);
            } else if (!pending.contains(f.path)) {
                LOG.warn("checkpoint folder '{}' is not a completed checkpoint, skipped: {}", f.path, f.problem);
            }
        }
        return result;
    }

    @Override
    public CompletedCheckpoint resolve(String path) throws IOException {
        Objects.requireNonNull(path, "path");
        Path p = Path.of(path).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IOException("no checkpoint or savepoint at '" + p + "': the path does not exist");
        }
        Path folder = Files.isDirectory(p) ? p : p.getParent();
        Path metadata = Files.isDirectory(p) ? p.resolve(METADATA) : p;
        if (!Files.exists(metadata)) {
            throw new IOException("'" + folder + "' is not a completed checkpoint or savepoint: it has no " + METADATA
                    + " file");
        }
        return new FsCompletedCheckpoint(folder, MetadataFile.read(metadata));
    }

    @Override
    public void prune(int retain) throws IOException {
        if (retain < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be retained, not " + retain);
        }
        List<Folder> folders = scan();
        List<Folder> kept = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        long newestKept = -1;
        for (Folder f : folders) { // newest first
            boolean keep = f.checkpoint != null && (f.checkpoint.savepoint() || kept.size() < retain);
            if (keep) {
                if (!f.checkpoint.savepoint()) {
                    newestKept = Math.max(newestKept, f.id);
                }
                kept.add(f);
                for (StateFileHandle h : f.checkpoint.referencedFiles()) {
                    referenced.add(FsCompletedCheckpoint.resolveFile(f.path, h));
                }
            }
        }
        List<IOException> failures = new ArrayList<>();
        for (Folder f : folders.reversed()) { // oldest first
            boolean obsolete = f.checkpoint != null ? !kept.contains(f)
                    : f.id < newestKept && !pending.contains(f.path);
            if (obsolete) {
                try {
                    delete(f, referenced);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            IOException e = new IOException("pruning checkpoints in '" + directory + "': " + failures.size()
                    + " could not be deleted: " + failures.stream().map(Throwable::getMessage).toList());
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Deletes an obsolete checkpoint folder: its metadata first, then every file no kept checkpoint references. */
    private void delete(Folder f, Set<Path> referenced) throws IOException {
        Files.deleteIfExists(f.path.resolve(METADATA));
        Files.deleteIfExists(f.path.resolve(METADATA_TMP));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(f.path)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<Path> candidates = new ArrayList<>(files);
        if (f.checkpoint != null) { // its shared files outside its folder, within this storage's directory
            for (StateFileHandle h : f.checkpoint.referencedFiles()) {
                Path p = FsCompletedCheckpoint.resolveFile(f.path, h);
                if (!p.startsWith(f.path) && p.startsWith(directory)) {
                    candidates.add(p);
                }
            }
        }
        int left = 0;
        for (Path p : candidates) {
            if (referenced.contains(p)) {
                left++;
            } else {
                Files.deleteIfExists(p);
            }
        }
        FsFiles.deleteEmptyFolders(f.path);
        LOG.debug("pruned checkpoint folder '{}'{}", f.path, left == 0 ? "" : " (kept " + left
                + " files that newer checkpoints reference)");
    }

    /** A {@code chk-<id>} folder, with its checkpoint or why it is none. */
    private record Folder(long id, Path path, FsCompletedCheckpoint checkpoint, String problem) {
    }

    /** The {@code chk-<id>} folders of the directory, newest first. */
    private List<Folder> scan() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Folder> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : entries.toList()) {
                long id = idOf(p);
                if (id >= 0 && Files.isDirectory(p)) {
                    folders.add(read(id, p));
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot list the checkpoints in '" + directory + "': " + e, e);
        }
        folders.sort(Comparator.comparingLong(Folder::id).reversed());
        return folders;
    }

    private static Folder read(long id, Path folder) {
        Path metadata = folder.resolve(METADATA);
        if (!Files.exists(metadata)) {
            return new Folder(id, folder, null, "it has no " + METADATA + " file (it never completed)");
        }
        try {
            MetadataFile.Contents contents = MetadataFile.read(metadata);
            if (contents.checkpointId() != id) {
                return new Folder(id, folder, null, "its metadata is of checkpoint " + contents.checkpointId());
            }
            return new Folder(id, folder, new FsCompletedCheckpoint(folder, contents), null);
        } catch (IOException e) {
            return new Folder(id, folder, null, e.getMessage());
        }
    }

    private static long idOf(Path p) {
        String name = p.getFileName().toString();
        if (!name.startsWith(CHECKPOINT_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(CHECKPOINT_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the checkpoint storage at '" + directory + "' is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "FileSystemCheckpointStorage[" + directory + "]";
    }
}
