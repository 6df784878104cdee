package io.weir.connectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a sink directory in tests: file names, visible records, staged files. */
final class PartFiles {
    private PartFiles() {
    }

    /** Every file name in {@code dir}, sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the visible (committed) part files, sorted. */
    static List<String> visible(Path dir) {
        return names(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }

    /** The names of the staged part files, sorted. */
    static List<String> staged(Path dir) {
        return names(dir).stream().filter(n -> n.endsWith(PartName.STAGING_SUFFIX)).toList();
    }

    /** Every line of every visible part file, in file-name order. */
    static List<String> visibleLines(Path dir) {
        List<String> lines = new ArrayList<>();
        for (String name : visible(dir)) {
            try {
                lines.addAll(Files.readAllLines(dir.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
