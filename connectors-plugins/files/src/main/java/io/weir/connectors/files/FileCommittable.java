package io.weir.connectors.files;

import io.weir.api.annotation.Evolving;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished, durable part file waiting to become visible: committing renames {@code stagingFile}
 * (hidden, {@code .part-...inprogress}) to {@code finalFile}. Both paths are absolute.
 *
 * @param stagingFile where the part file was written
 * @param finalFile   its visible name once committed
 */
@Evolving
public record FileCommittable(Path stagingFile, Path finalFile) {

    public FileCommittable {
        Objects.requireNonNull(stagingFile, "stagingFile");
        Objects.requireNonNull(finalFile, "finalFile");
    }
}
