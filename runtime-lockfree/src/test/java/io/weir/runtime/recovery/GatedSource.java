package io.weir.runtime.recovery;

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
import io.weir.runtime.source.StaticSplitEnumerator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers 1..last, with event timestamps equal to the number, emitted only up to a gate the test
 * moves: so a test knows exactly which records a checkpoint covers, without sleeping. Replayable: its
 * split's position is checkpointed. {@link #emitted} is the highest number emitted so far (any attempt).
 */
final class GatedSource implements SplitSource<Long, GatedSource.Split> {
    record Split(long next) implements SourceSplit {
        @Override
        public String splitId() {
            return "gated";
        }
    }

    final long last;
    final AtomicLong gate = new AtomicLong();
    final AtomicLong emitted = new AtomicLong();

    GatedSource(long last) {
        this.last = last;
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
        return new StaticSplitEnumerator<>(context, List.of(new Split(1)));
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
        return new StaticSplitEnumerator<>(context, unassigned);
    }

    @Override
    public SplitReader<Long, Split> createReader(ReaderContext context) {
        return new SplitReader<>() {
            private final ArrayDeque<Split> splits = new ArrayDeque<>();
            private long next = -1;
            private boolean noMore;

            @Override
            public void start() {
                context.sendSplitRequest();
            }

            @Override
            public void addSplits(List<Split> newSplits) {
                splits.addAll(newSplits);
            }

            @Override
            public void notifyNoMoreSplits() {
                noMore = true;
            }

            @Override
            public ReadStatus pollNext(SourceOutput<Long> output) {
                if (next < 0) {
                    Split s = splits.poll();
                    if (s == null) {
                        return noMore ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
                    }
                    next = s.next();
                }
                if (next > last) {
                    next = -1;
                    context.sendSplitRequest();
                    return ReadStatus.NOTHING_AVAILABLE;
                }
                if (next > gate.get()) {
                    return ReadStatus.NOTHING_AVAILABLE;
                }
                output.collect(next, next);
                emitted.accumulateAndGet(next, Math::max);
                next++;
                return ReadStatus.MORE_AVAILABLE;
            }

            @Override
            public List<Split> snapshotState(long checkpointId) {
                List<Split> state = new ArrayList<>(splits);
                if (next >= 0 && next <= last) {
                    state.addFirst(new Split(next));
                }
                return state;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Codec<Split> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(Split value, CodecOutput out) {
                out.writeLong(value.next());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readLong());
            }
        };
    }
}
