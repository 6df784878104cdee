package io.weir.examples.sensors;

import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SplitEnumerator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Hands out one sensor split per request, in order, and tells a reader that asks when none is left that
 * no more will come: fast readers take more sensors (work stealing by pull, as Flink's file source does).
 *
 * <h2>Thread safety</h2>
 * Confined to the source coordinator's thread.
 */
final class SensorEnumerator implements SplitEnumerator<SensorSplit> {
    private final EnumeratorContext<SensorSplit> context;
    private final ArrayDeque<SensorSplit> unassigned;

    SensorEnumerator(EnumeratorContext<SensorSplit> context, List<SensorSplit> splits) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtask) {
        SensorSplit next = unassigned.poll();
        if (next == null) {
            context.signalNoMoreSplits(subtask);
        } else {
            context.assignSplit(next, subtask);
        }
    }

    @Override
    public void addSplitsBack(List<SensorSplit> splits, int subtask) {
        unassigned.addAll(splits);
    }

    @Override
    public List<SensorSplit> snapshotState(long checkpointId) {
        return List.copyOf(unassigned);
    }
}
