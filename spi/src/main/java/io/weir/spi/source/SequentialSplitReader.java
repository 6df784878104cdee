package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bookkeeping of a {@link SplitReader} that reads its splits one after the other (in the spirit of
 * Flink's {@code IteratorSourceReaderBase}): it keeps the splits it was given in a queue, opens the next one
 * when none is open, asks the enumerator for a split on {@link #start()} and each time it finishes one (also
 * when it holds more: a pull-based enumerator then hands a fast reader more work), unless it was told that no
 * more will come, and answers {@link ReadStatus#END_OF_INPUT} as soon as no split is open or queued and no
 * more will come. A subclass reads one split:
 *
 * <ul>
 *   <li>{@link #openSplit} starts reading a split from the position it carries;</li>
 *   <li>{@link #readSplit} emits a few records of the open split and says whether it emitted, found nothing
 *       available now, or finished the split;</li>
 *   <li>{@link #openSplitPosition} is the open split at the position reached, for checkpoints.</li>
 * </ul>
 *
 * <p>{@link #snapshotState} returns the open split at its position followed by the queued splits, so that a
 * restored reader resumes exactly where this one was. {@link #close()} does nothing unless overridden.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the subtask's thread, as {@link SplitReader} says; the hooks are called on it.
 *
 * @param <T> record type
 * @param <S> split type
 */
@Evolving
public abstract class SequentialSplitReader<T, S extends SourceSplit> implements SplitReader<T, S> {

    /** What one {@link #readSplit} call did. */
    public enum SplitProgress {
        /** Records of the open split were emitted (or may be ready): call again at once. */
        EMITTED,
        /** Nothing of the open split is available now (a rate limit, I/O): call again later. */
        NOTHING_AVAILABLE,
        /** The open split is done (this call may have emitted its last records). */
        FINISHED
    }

    private final ReaderContext context;
    private final ArrayDeque<S> queued = new ArrayDeque<>();
    private boolean open;
    private boolean noMoreSplits;

    /** A reader that asks {@code context} for splits. */
    protected SequentialSplitReader(ReaderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** What the runtime told this reader about where it runs. */
    protected final ReaderContext context() {
        return context;
    }

    /** Starts reading {@code split} from the position it carries. */
    protected abstract void openSplit(S split);

    /** Emits some records of the open split (a bounded number: the runtime calls again while downstream has room). */
    protected abstract SplitProgress readSplit(SourceOutput<T> output) throws Exception;

    /** The open split at the position reached: what a restored reader must resume from. */
    protected abstract S openSplitPosition();

    /** Asks for a first split (splits restored from a checkpoint may have been added already). */
    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public final void addSplits(List<S> splits) {
        queued.addAll(splits);
    }

    @Override
    public final void notifyNoMoreSplits() {
        noMoreSplits = true;
    }

    @Override
    public final ReadStatus pollNext(SourceOutput<T> output) throws Exception {
        if (!open) {
            S next = queued.poll();
            if (next == null) {
                return noMoreSplits ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
            }
            openSplit(next);
            open = true;
        }
        return switch (readSplit(output)) {
            case EMITTED -> ReadStatus.MORE_AVAILABLE;
            case NOTHING_AVAILABLE -> ReadStatus.NOTHING_AVAILABLE;
            case FINISHED -> {
                open = false;
                if (noMoreSplits) {
                    yield queued.isEmpty() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
                }
                context.sendSplitRequest();
                yield ReadStatus.MORE_AVAILABLE;
            }
        };
    }

    /** The open split at its position, then the queued splits. */
    @Override
    public final List<S> snapshotState(long checkpointId) {
        List<S> state = new ArrayList<>(queued.size() + 1);
        if (open) {
            state.add(openSplitPosition());
        }
        state.addAll(queued);
        return state;
    }

    @Override
    public void close() throws Exception {
    }
}
