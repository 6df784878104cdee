package io.weir.runtime.source;

import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out a fixed list of splits, one per request, in order; answers "no more splits" once the list is
 * empty. Splits given back after a failure are handed out again first.
 */
public final class StaticSplitEnumerator<S extends SourceSplit> implements SplitEnumerator<S> {
    private final EnumeratorContext<S> context;
    private final ArrayDeque<S> remaining;

    public StaticSplitEnumerator(EnumeratorContext<S> context, List<S> splits) {
        this.context = context;
        this.remaining = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask) {
        S next = remaining.poll();
        if (next != null) {
            context.assignSplit(next, subtask);
        } else {
            context.signalNoMoreSplits(subtask);
        }
    }

    @Override
    public void addSplitsBack(List<S> splits, int subtask) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            remaining.addFirst(splits.get(i));
        }
    }

    @Override
    public List<S> snapshotState(long checkpointId) {
        return new ArrayList<>(remaining);
    }
}
