package io.weir.connectors.datagen;

import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SplitEnumerator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Hands out a fixed list of splits, one per request, then tells each asking reader that no more will come. */
final class DatagenEnumerator implements SplitEnumerator<DatagenSplit> {
    private final EnumeratorContext<DatagenSplit> context;
    private final ArrayDeque<DatagenSplit> pending;

    DatagenEnumerator(EnumeratorContext<DatagenSplit> context, List<DatagenSplit> splits) {
        this.context = context;
        this.pending = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask) {
        DatagenSplit split = pending.poll();
        if (split == null) {
            context.signalNoMoreSplits(subtask);
        } else {
            context.assignSplit(split, subtask);
        }
    }

    @Override
    public void addSplitsBack(List<DatagenSplit> splits, int subtask) {
        pending.addAll(splits);
    }

    @Override
    public List<DatagenSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }
}
