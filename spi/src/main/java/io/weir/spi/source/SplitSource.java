package io.weir.spi.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.connector.Source;

/**
 * A source implemented through the SPI: the factory of its enumerator and readers. Pass an instance to
 * {@code StreamEnvironment.fromSource}.
 *
 * <h2>Thread safety</h2>
 * The source object is shared by the enumerator and every reader (read-only after construction).
 *
 * @param <T> record type
 * @param <S> split type
 */
@Evolving
public interface SplitSource<T, S extends SourceSplit> extends Source<T> {

    /** Whether the source ends. */
    Boundedness boundedness();

    /** A fresh enumerator for a run of the job. */
    SplitEnumerator<S> createEnumerator(EnumeratorContext<S> context);

    /**
     * An enumerator restored from a checkpoint: {@code unassignedSplits} are the splits it had not handed
     * out when the checkpoint was taken (splits handed out before it are restored into the readers).
     */
    SplitEnumerator<S> restoreEnumerator(EnumeratorContext<S> context, java.util.List<S> unassignedSplits);

    /** A reader for one parallel subtask. */
    SplitReader<T, S> createReader(ReaderContext context);

    /** The codec that stores splits (with their positions) in checkpoints. */
    Codec<S> splitCodec();

    /** The class of the records, when known, so that codecs can be checked when the job is built. */
    default Class<T> producedType() {
        return null;
    }
}
