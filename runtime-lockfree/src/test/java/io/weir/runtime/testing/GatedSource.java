package io.weir.runtime.testing;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The numbers {@code 1..last}, each with its own value as event timestamp, in {@code splits} splits (split
 * {@code i} holds the numbers {@code x} with {@code (x - 1) % splits == i}, in increasing order), emitted
 * only up to a gate the test moves ({@link #open}, {@link #release}): so a test knows exactly which records
 * a checkpoint covers, without sleeping. Replayable: each split's position is checkpointed as operator list
 * state, so it is redistributed when the source's parallelism changes. Split {@code i} goes to reader
 * {@code i % parallelism} on a fresh start.
 *
 * <p>{@link #rateLimited} makes a source whose gate is open but whose readers emit at most a given number of
 * records per second each (measured with {@link System#nanoTime()} from the reader's start): for jobs that
 * must last a while in another JVM.
 *
 * <h2>Thread safety</h2>
 * The gate and the progress counters are atomics: the test thread moves the gate while readers run on
 * task threads. A reader is confined to its task's thread.
 */
public final class GatedSource implements SplitSource<Long, GatedSource.Split> {
    /** Split {@code index} and the next number it will emit. */
    public record Split(int index, long next) implements SourceSplit {
        @Override
        public String splitId() {
            return "gated-" + index;
        }
    }

    private final long last;
    private final int splits;
    private final long recordsPerSecond;
    private final AtomicLong gate = new AtomicLong();
    /** Per split: the highest number emitted so far, over all attempts. */
    private final AtomicLongArray emitted;
    private final ConcurrentLinkedQueue<Split> assigned = new ConcurrentLinkedQueue<>();

    private GatedSource(long last, int splits, long recordsPerSecond) {
        if (last < 1 || splits < 1 || recordsPerSecond < 0) {
            throw new IllegalArgumentException("need last >= 1, splits >= 1, rate >= 0: " + last + ", " + splits
                    + ", " + recordsPerSecond);
        }
        this.last = last;
        this.splits = splits;
        this.recordsPerSecond = recordsPerSecond;
        this.emitted = new AtomicLongArray(splits);
    }

    /** The numbers {@code 1..last} in one split, gate closed. */
    public GatedSource(long last) {
        this(last, 1, 0);
    }

    /** The numbers {@code 1..last} in {@code splits} splits, gate closed. */
    public static GatedSource withSplits(long last, int splits) {
        return new GatedSource(last, splits, 0);
    }

    /** The numbers {@code 1..last} in one split, gate open, each reader emitting at most {@code perSecond}. */
    public static GatedSource rateLimited(long last, long perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        GatedSource source = new GatedSource(last, 1, perSecond);
        source.open(last);
        return source;
    }

    /** The last number. */
    public long last() {
        return last;
    }

    /** Lets readers emit every number up to {@code upTo} (the gate never moves back). */
    public void open(long upTo) {
        gate.accumulateAndGet(upTo, Math::max);
    }

    /** {@code true} once every number up to {@code upTo} (at most {@link #last()}) has been emitted. */
    public boolean released(long upTo) {
        long bound = Math.min(upTo, last);
        for (int i = 0; i < splits; i++) {
            long highestOfSplit = bound - Math.floorMod(bound - 1 - i, splits); // largest x <= bound in split i
            if (highestOfSplit >= 1 && emitted.get(i) < highestOfSplit) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the gate up to {@code upTo} and waits, at most {@code bound}, until readers emitted every number up
     * to it; throws {@link IllegalStateException} when they did not within the bound.
     */
    public void release(long upTo, Duration bound) {
        open(upTo);
        long deadline = System.nanoTime() + bound.toNanos();
        while (!released(upTo)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the source did not emit up to " + upTo + " within " + bound
                        + " (emitted per split: " + emitted + ")");
            }
            Thread.onSpinWait();
        }
    }

    /** The highest number emitted so far by any reader of any attempt. */
    public long emitted() {
        long max = 0;
        for (int i = 0; i < splits; i++) {
            max = Math.max(max, emitted.get(i));
        }
        return max;
    }

    /**
     * Every split handed to a reader (fresh or restored), in the order readers received them, with the position
     * it started from: a restore from a checkpoint taken at {@code n} shows up as splits starting after {@code n}.
     */
    public List<Split> assignments() {
        return List.copyOf(assigned);
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
        List<Split> all = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            all.add(new Split(i, i + 1L));
        }
        return restoreEnumerator(context, all);
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
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
                out.writeVarInt(value.index());
                out.writeLong(value.next());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readVarInt(), in.readLong());
            }
        };
    }

    /** Emits from its splits round-robin, each up to the gate; ends when every split is past {@code last}. */
    private final class Reader implements SplitReader<Long, Split> {
        private final ReaderContext context;
        private final List<long[]> active = new ArrayList<>(); // {index, next}
        private final long startNanos = System.nanoTime();
        private long count;
        private int cursor;
        private boolean noMore;

        Reader(ReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public void addSplits(List<Split> newSplits) {
            for (Split s : newSplits) {
                assigned.add(s);
                if (s.next() <= last) {
                    active.add(new long[]{s.index(), s.next()});
                }
            }
        }

        @Override
        public void notifyNoMoreSplits() {
            noMore = true;
        }

        @Override
        public ReadStatus pollNext(SourceOutput<Long> output) {
            if (active.isEmpty()) {
                return noMore ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
            }
            if (recordsPerSecond > 0 && count >= (System.nanoTime() - startNanos) * 1e-9 * recordsPerSecond) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            long open = gate.get();
            for (int tried = 0; tried < active.size(); tried++) {
                cursor = (cursor + 1) % active.size();
                long[] split = active.get(cursor);
                long next = split[1];
                if (next <= open) {
                    output.collect(next, next);
                    emitted.accumulateAndGet((int) split[0], next, Math::max);
                    count++;
                    split[1] = next + splits;
                    if (split[1] > last) {
                        active.remove(cursor);
                    }
                    return ReadStatus.MORE_AVAILABLE;
                }
            }
            return ReadStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> state = new ArrayList<>(active.size());
            for (long[] split : active) {
                state.add(new Split((int) split[0], split[1]));
            }
            return state;
        }

        @Override
        public void close() {
        }
    }
}
