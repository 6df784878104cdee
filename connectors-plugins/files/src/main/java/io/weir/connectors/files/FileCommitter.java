package io.weir.connectors.files;

import io.weir.spi.sink.Committer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Commits part files by renaming each staging file to its final name (an atomic rename within the
 * directory), then fsyncs the directories involved so that the renames survive a crash.
 *
 * <p>Idempotent: a final file that exists while its staging file does not is already committed. A
 * committable whose staging and final files are both missing cannot be committed: an
 * {@link IOException} names the file. A final file that exists while its staging file also exists is a
 * name clash with a file this sink did not commit: an {@link IOException} too, since renaming would
 * overwrite it.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one committer per subtask. Different committers may run at the same time on the same
 * directory, on different committables.
 */
final class FileCommitter implements Committer<FileCommittable> {

    @Override
    public void commit(List<FileCommittable> committables) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        for (FileCommittable c : committables) {
            if (commitOne(c)) {
                directories.add(c.finalFile().getParent());
            }
        }
        for (Path dir : directories) {
            syncDirectory(dir);
        }
    }

    /** Renames one part file into place; {@code false} when it was already committed. */
    static boolean commitOne(FileCommittable c) throws IOException {
        Path staging = c.stagingFile();
        Path target = c.finalFile();
        if (Files.exists(target)) {
            if (Files.exists(staging)) {
                throw new FileAlreadyExistsException(target.toString(), staging.toString(),
                        "cannot commit the staged part file: its final name is taken by a file this sink did not commit");
            }
            return false;
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            if (Files.exists(target)) {
                return false;
            }
            NoSuchFileException missing = new NoSuchFileException(target.toString(), staging.toString(),
                    "cannot commit part file: neither it nor its staging file exists (deleted, or the sink's "
                            + "directory changed since the checkpoint)");
            missing.initCause(e);
            throw missing;
        }
    }

    /**
     * Makes the directory's entries (creations, renames, deletions) durable. Best effort where the
     * platform cannot open a directory (Windows): there the rename itself is as durable as it gets.
     */
    static void syncDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    @Override
    public void close() {
    }
}
