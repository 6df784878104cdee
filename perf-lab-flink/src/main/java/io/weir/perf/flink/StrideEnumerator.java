package io.weir.perf.flink;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands split {@code k} to the reader of subtask {@code k} (one split per reader; a split given back after a
 * failure goes to whichever reader asks next), then tells the reader there are no more.
 *
 * <h2>Thread safety</h2>
 * Called by Flink's coordinator thread only.
 */
final class StrideEnumerator implements SplitEnumerator<StrideSplit, List<StrideSplit>> {
    private final SplitEnumeratorContext<StrideSplit> context;
    private final List<StrideSplit> pending;

    StrideEnumerator(SplitEnumeratorContext<StrideSplit> context, List<StrideSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    /** The initial splits of {@code events} events over {@code parallelism} readers. */
    static List<StrideSplit> splits(long events, int parallelism) {
        List<StrideSplit> splits = new ArrayList<>(parallelism);
        for (int k = 0; k < parallelism; k++) {
            splits.add(new StrideSplit(k, k, parallelism, events));
        }
        return splits;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        StrideSplit chosen = null;
        for (StrideSplit split : pending) {
            if (split.id() == subtask) {
                chosen = split;
                break;
            }
        }
        if (chosen == null && !pending.isEmpty() && pending.get(0).id() >= context.currentParallelism()) {
            chosen = pending.get(0);
        }
        if (chosen != null) {
            pending.remove(chosen);
            context.assignSplit(chosen, subtask);
        }
        context.signalNoMoreSplits(subtask);
    }

    @Override
    public void addSplitsBack(List<StrideSplit> splits, int subtask) {
        pending.addAll(splits);
    }

    @Override
    public void addReader(int subtask) {
    }

    @Override
    public List<StrideSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {
    }
}
