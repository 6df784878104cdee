package io.weir.spi.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

/**
 * What the runtime gives a {@link SplitEnumerator}: the readers' parallelism and the means to give them
 * splits.
 *
 * <h2>Thread safety</h2>
 * Use only on the enumerator's thread (inside the enumerator's methods).
 *
 * @param <S> split type
 */
@Evolving
public interface EnumeratorContext<S extends SourceSplit> {

    /** How many readers there are. */
    int parallelism();

    /** The job's configuration. */
    Configuration configuration();

    /** Gives {@code split} to the reader of {@code subtask}. */
    void assignSplit(S split, int subtask);

    /** Tells the reader of {@code subtask} that it will get no more splits. */
    void signalNoMoreSplits(int subtask);
}
