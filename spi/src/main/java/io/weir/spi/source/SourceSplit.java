package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

/**
 * A piece of a source's input (a file block, a range of numbers, a queue partition) together with the
 * position reached in it. Splits are immutable values: a reader reports progress by returning new
 * split objects from {@link SplitReader#snapshotState}.
 */
@Evolving
public interface SourceSplit {

    /** Unique among the splits of one source. */
    String splitId();
}
