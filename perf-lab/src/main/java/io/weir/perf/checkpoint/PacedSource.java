package io.weir.perf.checkpoint;

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

import java.util.ArrayList;
import java.util.List;

/**
 * An unbounded, replayable generator of {@link Event}s in two phases per reader:
 * <ol>
 *   <li>fill: every key of the reader's share of {@code [0, keys)} once, as fast as downstream takes them
 *       ({@code intendedNanos = 0}), which builds the keyed state;</li>
 *   <li>paced: random keys of {@code [0, keys)} (so the state keeps its size) at a fixed rate, each record
 *       carrying the {@code System.nanoTime()} at which the schedule meant to emit it. A reader that falls
 *       behind (back-pressure during a checkpoint's synchronous part) emits the overdue records at once,
 *       with their original intended times.</li>
 * </ol>
 * Reader {@code s} of {@code p} fills the keys {@code s, s + p, ...} and paces at {@code rate / p}. Its
 * split is its position (records emitted), so a restored job resumes the same sequence; the pacing
 * schedule starts again when a reader instance emits its first paced record.
 */
final class PacedSource implements SplitSource<Event, PacedSource.Split> {
    /** Records emitted per {@code pollNext} at most. */
    private static final int BATCH = 256;

    private final long keys;
    private final double recordsPerSecond;

    PacedSource(long keys, double recordsPerSecond) {
        if (keys <= 0 || recordsPerSecond <= 0) {
            throw new IllegalArgumentException("need keys > 0 and a rate > 0, got " + keys + " and " + recordsPerSecond);
        }
        this.keys = keys;
        this.recordsPerSecond = recordsPerSecond;
    }

    /** Reader {@code index} of {@code readers}, having emitted {@code position} records. */
    record Split(int index, int readers, long position) implements SourceSplit {
        @Override
        public String splitId() {
            return "paced-" + index;
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public Class<Event> producedType() {
        return Event.class;
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        List<Split> splits = new ArrayList<>();
        for (int s = 0; s < context.parallelism(); s++) {
            splits.add(new Split(s, context.parallelism(), 0));
        }
        return restoreEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
        // each reader gets its own split; the source never ends, so it is never told "no more splits"
        return StaticSplitEnumerator.byOrdinal(context, unassigned, Split::index, Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Override
    public SplitReader<Event, Split> createReader(ReaderContext context) {
        return new Reader(context);
    }

    @Override
    public Codec<Split> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(Split value, CodecOutput out) {
                out.writeInt(value.index());
                out.writeInt(value.readers());
                out.writeLong(value.position());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readInt(), in.readInt(), in.readLong());
            }
        };
    }

    /** SplitMix64's finalizer: a well-mixed 64-bit value of {@code x}. */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    private final class Reader implements SplitReader<Event, Split> {
        private final ReaderContext context;
        private Split split;
        private long position;
        private long fillCount;
        private double nanosPerRecord;
        /** The pacing schedule of this reader instance: paced record {@code scheduleFrom} is due at {@code scheduleStart}. */
        private long scheduleStart;
        private long scheduleFrom = -1;

        Reader(ReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            if (split == null) {
                context.sendSplitRequest();
            }
        }

        @Override
        public void addSplits(List<Split> splits) {
            if (split != null || splits.size() != 1) {
                throw new IllegalStateException("a paced reader reads exactly one split, got " + splits + " after " + split);
            }
            split = splits.getFirst();
            position = split.position();
            fillCount = (keys - split.index() + split.readers() - 1) / split.readers();
            nanosPerRecord = 1e9 * split.readers() / recordsPerSecond;
        }

        @Override
        public void notifyNoMoreSplits() {
        }

        @Override
        public ReadStatus pollNext(SourceOutput<Event> output) {
            if (split == null) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            if (position < fillCount) {
                long end = Math.min(fillCount, position + BATCH);
                for (; position < end; position++) {
                    output.collect(new Event(split.index() + position * split.readers(), 0));
                }
                return ReadStatus.MORE_AVAILABLE;
            }
            long paced = position - fillCount;
            long now = System.nanoTime();
            if (scheduleFrom < 0) {
                scheduleFrom = paced;
                scheduleStart = now;
            }
            long emitted = 0;
            while (emitted < BATCH) {
                long intended = scheduleStart + (long) ((paced - scheduleFrom) * nanosPerRecord);
                if (intended > now) {
                    break;
                }
                long key = Math.floorMod(mix(paced * 0x9e3779b97f4a7c15L + split.index()), keys);
                output.collect(new Event(key, intended == 0 ? 1 : intended));
                paced++;
                emitted++;
            }
            position += emitted;
            return emitted > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return split == null ? List.of() : List.of(new Split(split.index(), split.readers(), position));
        }

        @Override
        public void close() {
        }
    }
}
