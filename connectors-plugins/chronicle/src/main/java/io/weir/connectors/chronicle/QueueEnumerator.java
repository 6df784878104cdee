package io.weir.connectors.chronicle;

import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SplitEnumerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each asking reader {@code r} the splits whose ordinal is {@code r} modulo the parallelism (every split
 * is read by exactly one reader; several queues per reader are read round-robin). A bounded source then tells
 * the reader that no more splits come; a tailing one never does, so that a reader without a queue stays alive
 * (a finished source task would stop checkpoints, and with them the exactly-once sink's commits).
 *
 * <h2>Thread safety</h2>
 * The source coordinator's thread, as {@link SplitEnumerator} says.
 */
final class QueueEnumerator implements SplitEnumerator<QueueSplit> {
    private final EnumeratorContext<QueueSplit> context;
    private final List<QueueSplit> remaining;
    private final boolean bounded;

    QueueEnumerator(EnumeratorContext<QueueSplit> context, List<QueueSplit> splits, boolean bounded) {
        this.context = context;
        this.remaining = new ArrayList<>(splits);
        this.bounded = bounded;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask) {
        for (var it = remaining.iterator(); it.hasNext(); ) {
            QueueSplit split = it.next();
            if (split.ordinal() % context.parallelism() == subtask) {
                context.assignSplit(split, subtask);
                it.remove();
            }
        }
        if (bounded) {
            context.signalNoMoreSplits(subtask);
        }
    }

    @Override
    public void addSplitsBack(List<QueueSplit> splits, int subtask) {
        remaining.addAll(splits);
    }

    @Override
    public List<QueueSplit> snapshotState(long checkpointId) {
        return List.copyOf(remaining);
    }
}
