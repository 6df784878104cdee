package io.weir.testkit.internal;

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
 * The source that feeds a sink under test: the elements of a list, in {@code splits} strided splits (split
 * {@code i} holds the indexes {@code i, i + splits, ...}), each split's position (the next index) stored in
 * checkpoints, so a restore resumes exactly there. Split {@code i} goes to reader {@code i % parallelism}.
 * Records are taken from the shared list by index, so they need no codec.
 *
 * <h2>Thread safety</h2>
 * Immutable; the list must not change while a job runs. Readers and the enumerator are confined to their
 * threads.
 *
 * @param <T> record type
 */
public final class ListSource<T> implements SplitSource<T, ListSource.Split> {
    /** Indexes {@code index, index + stride, ...}; the next one to emit is {@code next}. */
    public record Split(int index, int stride, int next) implements SourceSplit {
        @Override
        public String splitId() {
            return "list-" + index + "-of-" + stride;
        }
    }

    private static final Codec<Split> CODEC = new Codec<>() {
        @Override
        public void encode(Split value, CodecOutput out) {
            out.writeInt(value.index());
            out.writeInt(value.stride());
            out.writeInt(value.next());
        }

        @Override
        public Split decode(CodecInput in) {
            return new Split(in.readInt(), in.readInt(), in.readInt());
        }

        @Override
        public int fixedSize() {
            return 3 * Integer.BYTES;
        }
    };

    private final List<T> elements;
    private final int splits;

    public ListSource(List<T> elements, int splits) {
        this.elements = List.copyOf(elements);
        this.splits = splits;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        List<Split> all = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            all.add(new Split(i, splits, i));
        }
        return restoreEnumerator(context, all);
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
        return StaticSplitEnumerator.byOrdinal(context, unassigned, Split::index, Boundedness.BOUNDED);
    }

    @Override
    public SplitReader<T, Split> createReader(ReaderContext context) {
        return new Reader(context);
    }

    @Override
    public Codec<Split> splitCodec() {
        return CODEC;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> producedType() {
        Class<?> type = null;
        for (T e : elements) {
            if (type == null) {
                type = e.getClass();
            } else if (type != e.getClass()) {
                return null;
            }
        }
        return (Class<T>) type;
    }

    /** Emits one record per poll from its splits, round-robin. */
    private final class Reader implements SplitReader<T, Split> {
        private final List<int[]> active = new ArrayList<>(); // {index, stride, next}
        private int cursor;
        private final ReaderContext context;
        private boolean noMore;

        Reader(ReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public void addSplits(List<Split> added) {
            for (Split s : added) {
                if (s.next() < elements.size()) {
                    active.add(new int[]{s.index(), s.stride(), s.next()});
                }
            }
        }

        @Override
        public void notifyNoMoreSplits() {
            noMore = true;
        }

        @Override
        public ReadStatus pollNext(SourceOutput<T> output) {
            if (active.isEmpty()) {
                return noMore ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
            }
            cursor = (cursor + 1) % active.size();
            int[] split = active.get(cursor);
            output.collect(elements.get(split[2]));
            split[2] += split[1];
            if (split[2] >= elements.size()) {
                active.remove(cursor);
            }
            return ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> state = new ArrayList<>(active.size());
            for (int[] s : active) {
                state.add(new Split(s[0], s[1], s[2]));
            }
            return state;
        }

        @Override
        public void close() {
        }
    }
}
