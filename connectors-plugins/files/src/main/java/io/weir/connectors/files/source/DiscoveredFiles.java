package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

import java.util.List;

/**
 * The files a monitoring source has already found (and split or skipped), kept in the enumerator's part of a
 * checkpoint so that no file is read twice after a restore. Never assigned to a reader; a reader that is
 * given one ignores it.
 *
 * @param paths absolute paths, sorted
 */
@Evolving
public record DiscoveredFiles(List<String> paths) implements FileSplit {
    public DiscoveredFiles {
        paths = List.copyOf(paths);
    }

    @Override
    public String splitId() {
        return "discovered-files";
    }
}
