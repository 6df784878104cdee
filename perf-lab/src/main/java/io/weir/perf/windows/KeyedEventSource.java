package io.weir.perf.windows;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SequentialSplitReader;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A generator of keyed events for window benchmarks: event {@code i} (of {@code records}) has the key
 * {@link #keyOf(long) keyOf(i)}, the record itself (a {@code Long}), and the event timestamp
 * {@code i / recordsPerMilli}, so that time advances steadily and windows keep firing. Every key of
 * {@code [0, keys)} occurs once in each run of {@code keys} consecutive events, in a scrambled order
 * (a multiplicative permutation), so that state is accessed at random as real keys would be.
 *
 * <p>Reader {@code s} of {@code p} emits the events {@code s, s + p, s + 2p, ...}: all readers advance
 * through event time together and the downstream watermark (their minimum) never holds back state.
 * Each reader calls {@code probe} (on its thread) once, when it reaches event {@code probeAt}; the heap
 * probe uses the first call to measure the heap at the peak of window state.
 */
final class KeyedEventSource implements SplitSource<Long, KeyedEventSource.Split> {
    /** Events emitted per {@code pollNext} call. */
    private static final int BATCH = 256;
    /** A prime (Knuth's multiplicative hash): {@code k * SCRAMBLE % keys} permutes {@code [0, keys)}. */
    private static final long SCRAMBLE = 2_654_435_761L;

    private final long records;
    private final long keys;
    private final long recordsPerMilli;
    private final long probeAt;
    private final LongConsumer probe;

    /** {@code probeAt = -1} (or a null {@code probe}): no probe. */
    KeyedEventSource(long records, long keys, long recordsPerMilli, long probeAt, LongConsumer probe) {
        if (keys <= 0 || keys > 1_000_000_000L || keys % SCRAMBLE == 0 || recordsPerMilli <= 0) {
            throw new IllegalArgumentException("need 0 < keys <= 10^9 and recordsPerMilli > 0, got " + keys
                    + " keys and " + recordsPerMilli + " records/ms");
        }
        this.records = records;
        this.keys = keys;
        this.recordsPerMilli = recordsPerMilli;
        this.probeAt = probe == null ? -1 : probeAt;
        this.probe = probe;
    }

    /** The key of event {@code i}. */
    long keyOf(long i) {
        return (i % keys) * SCRAMBLE % keys;
    }

    /** The event timestamp of event {@code i}. */
    long timestampOf(long i) {
        return i / recordsPerMilli;
    }

    /** The events {@code next, next + stride, ...} below {@code end}. */
    record Split(int index, long next, long stride, long end) implements SourceSplit {
        @Override
        public String splitId() {
            return "stride-" + index;
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
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        List<Split> splits = new ArrayList<>();
        for (int s = 0; s < context.parallelism(); s++) {
            splits.add(new Split(s, s, context.parallelism(), records));
        }
        return restoreEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
        // each reader gets its own stride, then no more
        return StaticSplitEnumerator.byOrdinal(context, unassigned, Split::index, Boundedness.BOUNDED);
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
                out.writeLong(value.stride());
                out.writeLong(value.end());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readInt(), in.readLong(), in.readLong(), in.readLong());
            }
        };
    }

    /** Emits its stride in batches; keys as {@code Long} records with their timestamps. */
    private final class Reader extends SequentialSplitReader<Long, Split> {
        private Split current;
        private long next;
        private boolean probed;

        Reader(ReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(Split split) {
            current = split;
            next = split.next();
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<Long> output) {
            long stride = current.stride();
            long end = current.end();
            long i = next;
            for (int n = 0; n < BATCH && i < end; n++, i += stride) {
                if (!probed && probeAt >= 0 && i >= probeAt) {
                    probed = true;
                    probe.accept(i);
                }
                output.collect(keyOf(i), timestampOf(i));
            }
            next = i;
            return i >= end ? SplitProgress.FINISHED : SplitProgress.EMITTED;
        }

        @Override
        protected Split openSplitPosition() {
            return new Split(current.index(), next, current.stride(), current.end());
        }
    }
}
