package io.weir.connectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds and damages the files of a filesystem checkpoint directory in tests. */
final class CheckpointFiles {
    static final String METADATA = "_metadata";

    private CheckpointFiles() {
    }

    /** The folder of checkpoint {@code id} under {@code directory}. */
    static Path checkpoint(Path directory, long id) {
        return directory.resolve("chk-" + id);
    }

    /** The completed ({@code _metadata} present) checkpoint folder with the highest id, if any. */
    static Optional<Path> newestCompleted(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.exists(p.resolve(METADATA)))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keyed state files of a checkpoint (the heap backend's {@code <operator>-<subtask>-keyed...} files). */
    static List<Path> keyedStateFiles(Path checkpoint) {
        try (Stream<Path> files = Files.list(checkpoint)) {
            return files.filter(p -> p.getFileName().toString().contains("-keyed")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts {@code file} to half its length (a write that never finished). */
    static void truncateToHalf(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverts {@code count} bytes in the middle of {@code file} (a bit rot no checksum may miss). */
    static void flipBytes(Path file, int count) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 2) {
                throw new IllegalStateException(file + " is too short to corrupt: " + bytes.length + " bytes");
            }
            int from = bytes.length / 2;
            for (int i = from; i < Math.min(bytes.length, from + count); i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
