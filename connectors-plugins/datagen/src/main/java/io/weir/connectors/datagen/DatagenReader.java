package io.weir.connectors.datagen;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the events of its splits, one split after the other, at most {@value #BATCH} per
 * {@code pollNext} and never more than the rate limit allows (then it answers
 * {@link ReadStatus#NOTHING_AVAILABLE} without waiting). Its position is each split's next index.
 */
final class DatagenReader<T> implements SplitReader<T, DatagenSplit> {
    static final int BATCH = 64;
    private final IndexedGenerator<T> generator;
    private final ReaderContext context;
    private final RateLimit rateLimit;
    private final ArrayDeque<DatagenSplit> splits = new ArrayDeque<>();
    private DatagenSplit current;
    private long next;
    private boolean noMoreSplits;

    DatagenReader(IndexedGenerator<T> generator, ReaderContext context, RateLimit rateLimit) {
        this.generator = generator;
        this.context = context;
        this.rateLimit = rateLimit;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<DatagenSplit> newSplits) {
        splits.addAll(newSplits);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
    }

    @Override
    public ReadStatus pollNext(SourceOutput<T> output) {
        if (current == null) {
            current = splits.poll();
            if (current == null) {
                return noMoreSplits ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
            }
            next = current.next();
        }
        long stride = current.stride();
        long remaining = current.end() == Long.MAX_VALUE ? BATCH : (current.end() - next + stride - 1) / stride;
        long count = rateLimit.available(Math.min(BATCH, remaining));
        if (count == 0 && remaining > 0) {
            return ReadStatus.NOTHING_AVAILABLE;
        }
        for (long n = 0; n < count; n++) {
            T event = generator.event(next);
            output.collect(event, generator.timestamp(next, event));
            next += stride;
        }
        rateLimit.consumed(count);
        if (next >= current.end() || next < 0) {
            current = null;
            context.sendSplitRequest();
        }
        return ReadStatus.MORE_AVAILABLE;
    }

    @Override
    public List<DatagenSplit> snapshotState(long checkpointId) {
        List<DatagenSplit> state = new ArrayList<>();
        if (current != null) {
            state.add(current.at(next));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public void close() {
    }
}
