package io.weir.connectors.chronicle;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the queues assigned to one subtask, round-robin, at most {@value #BATCH} records per queue and
 * {@code pollNext}; never blocks (Chronicle tailers return at once when nothing is there). A bounded queue is
 * closed as soon as its last document is consumed; the reader ends when every queue is done and the enumerator
 * said no more will come (never, for a tailing source).
 *
 * <h2>Thread safety</h2>
 * The subtask's thread, as {@link SplitReader} says.
 */
final class QueueReader<T> implements SplitReader<T, QueueSplit> {
    static final int BATCH = 64;
    private final ReaderContext context;
    private final Payloads<T> payloads;
    private final boolean readCommitted;
    private final List<SplitCursor> cursors = new ArrayList<>();
    private boolean noMoreSplits;
    private int next;

    QueueReader(ReaderContext context, RecordFormat<T> format, boolean readCommitted) {
        this.context = context;
        this.payloads = new Payloads<>(format);
        this.readCommitted = readCommitted;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<QueueSplit> splits) {
        for (QueueSplit split : splits) {
            if (!split.isFinished()) {
                cursors.add(new SplitCursor(split, readCommitted));
            }
        }
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
    }

    @Override
    public ReadStatus pollNext(SourceOutput<T> output) {
        int progress = 0;
        for (int tried = 0; tried < cursors.size() && progress == 0; tried++) {
            next = next + 1 < cursors.size() ? next + 1 : 0;
            SplitCursor cursor = cursors.get(next);
            progress = cursor.poll(output, payloads, BATCH);
            if (cursor.finished()) {
                cursors.remove(next);
                next--;
                cursor.close();
                progress++;
            }
        }
        if (progress > 0) {
            return ReadStatus.MORE_AVAILABLE;
        }
        return cursors.isEmpty() && noMoreSplits ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<QueueSplit> snapshotState(long checkpointId) {
        List<QueueSplit> state = new ArrayList<>(cursors.size());
        for (SplitCursor cursor : cursors) {
            state.add(cursor.snapshot());
        }
        return state;
    }

    /** The cursors, for tests. */
    List<SplitCursor> cursors() {
        return cursors;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (SplitCursor cursor : cursors) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        cursors.clear();
        if (first != null) {
            throw first;
        }
    }
}
