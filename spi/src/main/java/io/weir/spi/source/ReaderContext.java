package io.weir.spi.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

/**
 * What the runtime tells a {@link SplitReader} about where it runs, and how it asks for work.
 *
 * <h2>Thread safety</h2>
 * Use only on the reader's thread.
 */
@Evolving
public interface ReaderContext {

    /** This reader's subtask index. */
    int subtaskIndex();

    /** The source's parallelism. */
    int parallelism();

    /** The job's configuration. */
    Configuration configuration();

    /** Asks the enumerator for a split; the answer comes later through {@link SplitReader#addSplits} or {@link SplitReader#notifyNoMoreSplits}. */
    void sendSplitRequest();
}
