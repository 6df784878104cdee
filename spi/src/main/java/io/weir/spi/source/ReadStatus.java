package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

/** What a {@link SplitReader#pollNext} call found. */
@Evolving
public enum ReadStatus {
    /** Records were emitted, or more are ready: call again at once. */
    MORE_AVAILABLE,
    /** Nothing ready now (waiting for I/O or for a split): the runtime calls again later. */
    NOTHING_AVAILABLE,
    /** Every assigned split is finished and no more splits will come: the reader is done. */
    END_OF_INPUT
}
