package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * A {@link SplitEnumerator} over a list of splits known up front (the source's splits on a fresh start, or
 * the unassigned ones of a checkpoint on a restore), for sources that discover nothing while they run. It
 * hands the splits out in one of two ways:
 *
 * <ul>
 *   <li>{@link #inOrder}: one split per request, to whichever reader asks, in list order; a reader that asks
 *       when none is left is told that no more splits come. Fast readers take more splits (work stealing by
 *       pull, as Flink's {@code IteratorSourceEnumerator} and file source do); a reader must ask again each
 *       time it has finished a split.</li>
 *   <li>{@link #byOrdinal}: each split belongs to the reader of subtask {@code ordinal(split) % parallelism};
 *       a request hands the asking reader every remaining split it owns, in list order, and then (for a
 *       bounded source) tells it that no more splits come. An unbounded source never says so, so that a
 *       reader without a split stays alive and checkpoints go on. One request per reader suffices.</li>
 * </ul>
 *
 * <p>Splits given back ({@link #addSplitsBack}) join the end of the list and are handed out by the same
 * rule. {@link #snapshotState} returns the splits not handed out yet, in order: pass them to
 * {@link SplitSource#restoreEnumerator}, which builds the same kind of enumerator over them.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the source coordinator's thread, as {@link SplitEnumerator} says. The list
 * given to a factory is copied; later changes to it are not seen.
 *
 * @param <S> split type
 */
@Evolving
public final class StaticSplitEnumerator<S extends SourceSplit> implements SplitEnumerator<S> {
    private final EnumeratorContext<S> context;
    private final List<S> remaining;
    /** {@code null}: in order, one split per request; otherwise the owner rule. */
    private final ToIntFunction<? super S> ordinal;
    private final boolean signalsNoMore;

    private StaticSplitEnumerator(EnumeratorContext<S> context, List<S> splits, ToIntFunction<? super S> ordinal,
                                  boolean signalsNoMore) {
        this.context = Objects.requireNonNull(context, "context");
        this.remaining = new ArrayList<>(Objects.requireNonNull(splits, "splits"));
        this.ordinal = ordinal;
        this.signalsNoMore = signalsNoMore;
    }

    /**
     * Hands out {@code splits} one per request, to whichever reader asks, in order; answers a request with
     * "no more splits" once none is left.
     *
     * @throws NullPointerException when an argument or a split is {@code null}
     */
    public static <S extends SourceSplit> StaticSplitEnumerator<S> inOrder(EnumeratorContext<S> context,
                                                                          List<S> splits) {
        return new StaticSplitEnumerator<>(context, List.copyOf(splits), null, true);
    }

    /**
     * Hands the reader of subtask {@code r} every split with {@code ordinal(split) % parallelism == r} when it
     * asks; then, when {@code boundedness} is {@link Boundedness#BOUNDED}, tells it that no more splits come.
     * {@code ordinal} must not be negative (a split with a negative ordinal is never handed out).
     *
     * @throws NullPointerException when an argument or a split is {@code null}
     */
    public static <S extends SourceSplit> StaticSplitEnumerator<S> byOrdinal(EnumeratorContext<S> context,
                                                                            List<S> splits,
                                                                            ToIntFunction<? super S> ordinal,
                                                                            Boundedness boundedness) {
        Objects.requireNonNull(ordinal, "ordinal");
        boolean bounded = Objects.requireNonNull(boundedness, "boundedness") == Boundedness.BOUNDED;
        return new StaticSplitEnumerator<>(context, List.copyOf(splits), ordinal, bounded);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask) {
        if (ordinal == null) {
            if (remaining.isEmpty()) {
                context.signalNoMoreSplits(subtask);
            } else {
                context.assignSplit(remaining.removeFirst(), subtask);
            }
            return;
        }
        int parallelism = context.parallelism();
        for (Iterator<S> it = remaining.iterator(); it.hasNext(); ) {
            S split = it.next();
            if (ordinal.applyAsInt(split) % parallelism == subtask) {
                it.remove();
                context.assignSplit(split, subtask);
            }
        }
        if (signalsNoMore) {
            context.signalNoMoreSplits(subtask);
        }
    }

    @Override
    public void addSplitsBack(List<S> splits, int subtask) {
        for (S split : splits) {
            remaining.add(Objects.requireNonNull(split, "split"));
        }
    }

    /** The splits not handed out yet, in order (an immutable copy). */
    @Override
    public List<S> snapshotState(long checkpointId) {
        return List.copyOf(remaining);
    }
}
