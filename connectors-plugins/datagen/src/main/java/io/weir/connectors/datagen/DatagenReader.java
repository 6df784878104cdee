package io.weir.connectors.datagen;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SequentialSplitReader;
import io.weir.spi.source.SourceOutput;

/**
 * Generates the events of its splits, one split after the other, at most {@value #BATCH} per
 * {@code pollNext} and never more than the rate limit allows (then it answers
 * {@link ReadStatus#NOTHING_AVAILABLE} without waiting). Its position is each split's next index.
 */
final class DatagenReader<T> extends SequentialSplitReader<T, DatagenSplit> {
    static final int BATCH = 64;
    private final IndexedGenerator<T> generator;
    private final RateLimit rateLimit;
    private DatagenSplit current;
    private long next;

    DatagenReader(IndexedGenerator<T> generator, ReaderContext context, RateLimit rateLimit) {
        super(context);
        this.generator = generator;
        this.rateLimit = rateLimit;
    }

    @Override
    protected void openSplit(DatagenSplit split) {
        current = split;
        next = split.next();
    }

    @Override
    protected SplitProgress readSplit(SourceOutput<T> output) {
        long stride = current.stride();
        long remaining = current.end() == Long.MAX_VALUE ? BATCH : (current.end() - next + stride - 1) / stride;
        long count = rateLimit.available(Math.min(BATCH, remaining));
        if (count == 0 && remaining > 0) {
            return SplitProgress.NOTHING_AVAILABLE;
        }
        for (long n = 0; n < count; n++) {
            T event = generator.event(next);
            output.collect(event, generator.timestamp(next, event));
            next += stride;
        }
        rateLimit.consumed(count);
        return next >= current.end() || next < 0 ? SplitProgress.FINISHED : SplitProgress.EMITTED;
    }

    @Override
    protected DatagenSplit openSplitPosition() {
        return current.at(next);
    }
}
