package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import io.weir.spi.source.SourceSplit;

/**
 * What a file source keeps in checkpoints: {@link FileBlock}s (the work, with the position reached) and, in
 * the enumerator's part of a monitoring source, one {@link DiscoveredFiles} (the files already found, so that
 * none is read twice after a restore; readers ignore it). The SPI stores an enumerator's state as a list of
 * splits, so the bookkeeping travels as a split of its own, as Flink's {@code PendingSplitsCheckpoint} holds
 * both the pending splits and the processed paths.
 */
@Evolving
public sealed interface FileSplit extends SourceSplit permits FileBlock, DiscoveredFiles {
}
