package io.weir.runtime.execution;

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

import java.util.List;

/** An unbounded source of increasing longs: each reader counts on its own, never ends. */
final class EndlessSource implements SplitSource<Long, EndlessSource.NoSplit> {
    record NoSplit() implements SourceSplit {
        @Override
        public String splitId() {
            return "none";
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<NoSplit> createEnumerator(EnumeratorContext<NoSplit> context) {
        return new SplitEnumerator<>() {
            @Override
            public void start() {
            }

            @Override
            public void handleSplitRequest(int subtask) {
            }

            @Override
            public void addSplitsBack(List<NoSplit> splits, int subtask) {
            }

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
            }
        };
    }

    @Override
    public SplitEnumerator<NoSplit> restoreEnumerator(EnumeratorContext<NoSplit> context, List<NoSplit> unassigned) {
        return createEnumerator(context);
    }

    @Override
    public SplitReader<Long, NoSplit> createReader(ReaderContext context) {
        return new SplitReader<>() {
            private long next;

            @Override
            public void start() {
            }

            @Override
            public void addSplits(List<NoSplit> splits) {
            }

            @Override
            public void notifyNoMoreSplits() {
            }

            @Override
            public ReadStatus pollNext(SourceOutput<Long> output) {
                output.collect(next++);
                return ReadStatus.MORE_AVAILABLE;
            }

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Codec<NoSplit> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(NoSplit value, CodecOutput out) {
            }

            @Override
            public NoSplit decode(CodecInput in) {
                return new NoSplit();
            }
        };
    }
}
