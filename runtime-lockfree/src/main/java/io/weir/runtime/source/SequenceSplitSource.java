package io.weir.runtime.source;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SequentialSplitReader;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fromSequence(from, to)}: the range split into one contiguous sub-range per reader (as Flink's
 * {@code NumberSequenceSource}); each split's position is the next number to emit.
 */
public final class SequenceSplitSource implements SplitSource<Long, SequenceSplitSource.Split> {
    /** Numbers emitted per {@code pollNext} call. */
    private static final int BATCH = 64;
    private final long from;
    private final long to;

    public SequenceSplitSource(long from, long to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The numbers {@code next..last}, both included.
     *
     * @param index split number
     * @param next  next number to emit
     * @param last  last number of the split
     */
    public record Split(int index, long next, long last) implements SourceSplit {
        @Override
        public String splitId() {
            return "range-" + index;
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public Class<Long> producedType() {
        return Long.class;
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassignedSplits) {
        return StaticSplitEnumerator.inOrder(context, unassignedSplits);
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        return StaticSplitEnumerator.inOrder(context, split(context.parallelism()));
    }

    /** The range in {@code n} contiguous splits of near-equal size (fewer when the range is shorter). */
    List<Split> split(int n) {
        List<Split> splits = new ArrayList<>();
        // the count may exceed Long.MAX_VALUE for huge ranges: compute in unsigned arithmetic
        long count = to - from + 1;
        long parts = Long.compareUnsigned(count, n) < 0 && count != 0 ? count : n;
        long start = from;
        for (int i = 0; i < parts; i++) {
            long size = Long.divideUnsigned(count, parts) + (Long.remainderUnsigned(count, parts) > i ? 1 : 0);
            long end = start + size - 1;
            splits.add(new Split(i, start, end));
            start = end + 1;
        }
        return splits;
    }

    @Override
    public SplitReader<Long, Split> createReader(ReaderContext context) {
        return new Reader(context);
    }

    @Override
    public Codec<Split> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(Split value, CodecOutput out) {
                out.writeInt(value.index());
                out.writeLong(value.next());
                out.writeLong(value.last());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readInt(), in.readLong(), in.readLong());
            }

            @Override
            public int fixedSize() {
                return Integer.BYTES + 2 * Long.BYTES;
            }
        };
    }

    private static final class Reader extends SequentialSplitReader<Long, Split> {
        private Split current;
        private long next;
        private long last;

        Reader(ReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(Split split) {
            current = split;
            next = split.next();
            last = split.last();
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<Long> output) {
            long n = next;
            long end = last - n < BATCH ? last : n + BATCH - 1;
            for (long v = n; ; v++) {
                output.collect(v);
                if (v == end) {
                    break;
                }
            }
            if (end == last) {
                return SplitProgress.FINISHED;
            }
            next = end + 1;
            return SplitProgress.EMITTED;
        }

        @Override
        protected Split openSplitPosition() {
            return new Split(current.index(), next, last);
        }
    }
}
