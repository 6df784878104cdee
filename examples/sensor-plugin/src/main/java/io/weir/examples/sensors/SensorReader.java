package io.weir.examples.sensors;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sensor split at a time, a few readings per {@link #pollNext} call, and asks the enumerator for
 * the next split when one is done. Its checkpoint state is the current split at its position plus the
 * splits it holds but has not started.
 *
 * <h2>Thread safety</h2>
 * Confined to its subtask's thread, as the SPI says.
 */
final class SensorReader implements SplitReader<SensorReading, SensorSplit> {
    private static final int READINGS_PER_POLL = 16;

    private final SensorSource source;
    private final ReaderContext context;
    private final ArrayDeque<SensorSplit> queued = new ArrayDeque<>();
    private SensorSplit current;
    private long position;
    private boolean waitingForSplit;
    private boolean noMoreSplits;

    SensorReader(SensorSource source, ReaderContext context) {
        this.source = source;
        this.context = context;
    }

    @Override
    public void start() {
        if (queued.isEmpty()) {
            requestSplit();
        }
    }

    private void requestSplit() {
        waitingForSplit = true;
        context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<SensorSplit> splits) {
        queued.addAll(splits);
        waitingForSplit = false;
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        waitingForSplit = false;
    }

    @Override
    public ReadStatus pollNext(SourceOutput<SensorReading> output) {
        if (current == null) {
            current = queued.poll();
            if (current == null) {
                if (noMoreSplits) {
                    return ReadStatus.END_OF_INPUT;
                }
                if (!waitingForSplit) {
                    requestSplit();
                }
                return ReadStatus.NOTHING_AVAILABLE;
            }
            position = current.next();
        }
        for (int i = 0; i < READINGS_PER_POLL && position < current.end(); i++, position++) {
            SensorReading r = source.reading(current.sensor(), position);
            output.collect(r, r.timestamp());
        }
        if (position >= current.end()) {
            current = null;
        }
        return ReadStatus.MORE_AVAILABLE;
    }

    @Override
    public List<SensorSplit> snapshotState(long checkpointId) {
        List<SensorSplit> state = new ArrayList<>(queued.size() + 1);
        if (current != null) {
            state.add(current.at(position));
        }
        state.addAll(queued);
        return state;
    }

    @Override
    public void close() {
        queued.clear();
        current = null;
    }
}
