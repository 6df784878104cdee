package io.weir.connectors.files.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the files under the source's paths and cuts them into {@link FileBlock}s. A path is a file or a folder
 * (read recursively). Files and folders whose name starts with {@code .} or {@code _} are skipped, as Flink and
 * Hadoop skip them: that is how writers hide files still in progress (the {@code FileSink} stages its parts
 * as {@code .part-...inprogress}). Empty files have no block. Files are taken in path order.
 *
 * @param roots     the files and folders to read (absolute, normalized)
 * @param blockSize the size of a block in bytes; 0 for one block per file
 */
record FileDiscovery(List<Path> roots, long blockSize) {

    /** The blocks of the files not in {@code seen}; adds those files to {@code seen}. */
    List<FileBlock> discover(Set<String> seen) {
        List<FileBlock> blocks = new ArrayList<>();
        for (Path root : roots) {
            for (Path file : files(root)) {
                String path = file.toString();
                if (!seen.add(path)) {
                    continue;
                }
                long size;
                try {
                    size = Files.size(file);
                } catch (NoSuchFileException gone) {
                    seen.remove(path);
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException("files source: cannot read the size of " + file, e);
                }
                blocks.addAll(blocks(path, size));
            }
        }
        return blocks;
    }

    /** The blocks of a file of {@code size} bytes. */
    List<FileBlock> blocks(String path, long size) {
        List<FileBlock> blocks = new ArrayList<>();
        long step = blockSize > 0 ? blockSize : Math.max(size, 1);
        for (long start = 0; start < size; start += step) {
            blocks.add(FileBlock.of(path, start, Math.min(size, start + step)));
        }
        return blocks;
    }

    private static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            throw new UncheckedIOException(new NoSuchFileException(root.toString(),
                    null, "files source: the path to read does not exist"));
        }
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !hidden(root, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("files source: cannot list " + root, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return files(root); // a file vanished during the walk: list again
            }
            throw new UncheckedIOException("files source: cannot list " + root, e.getCause());
        }
    }

    /** {@code true} if a name below {@code root} on the way to {@code file} starts with {@code .} or {@code _}. */
    static boolean hidden(Path root, Path file) {
        for (Path name : root.relativize(file)) {
            String s = name.toString();
            if (s.startsWith(".") || s.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
