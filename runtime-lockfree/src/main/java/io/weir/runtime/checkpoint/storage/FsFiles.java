package io.weir.runtime.checkpoint.storage;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** File-system helpers of the checkpoint storage: folder fsync and recursive deletion. */
final class FsFiles {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private FsFiles() {
    }

    /** Makes the entries of {@code folder} (created, renamed files) durable. A no-op on Windows, which cannot. */
    static void fsyncFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new IOException("cannot fsync folder '" + folder + "': " + e, e);
        }
    }

    /** Deletes {@code root} and everything under it; nothing happens if it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                throw new IOException("cannot delete folder '" + p + "': a file appeared in it while it was deleted", e);
            } catch (IOException e) {
                throw new IOException("cannot delete '" + p + "': " + e, e);
            }
        }
    }

    /** Deletes the folders under {@code root} (and {@code root}) that are empty, deepest first. */
    static void deleteEmptyFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isEmpty()) {
                    Files.deleteIfExists(folder);
                }
            }
        }
    }
}
