package io.weir.proptest.job;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Input;
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

import java.util.List;

/**
 * The records of one {@link Branch} as a replayable SPI source with one split, whose checkpointed
 * position is the index of the next record. For record {@code i} a reader emits, in one
 * {@code pollNext} (so that no checkpoint falls between them), a tick carrying the watermark of records
 * {@code 0..i-1} and then the record carrying the watermark of records {@code 0..i}: after a restore the
 * watermark generator, which keeps no state, re-emits exactly the watermark that held before the first
 * replayed record, as in the failure-free run.
 *
 * <h2>Thread safety</h2>
 * The source is immutable; each reader is confined to its subtask's thread.
 */
public final class PipelineSource implements SplitSource<SourceItem, PipelineSource.Split> {
    private static final int RECORDS_PER_POLL = 4;

    /** The single split of a branch and the index of the next record to emit. */
    public record Split(String splitId, int next) implements SourceSplit {
    }

    private final String name;
    private final List<Input> inputs;
    private final long[] watermarkAfter;

    /** The source of {@code branch}; {@code name} names its split. */
    public PipelineSource(String name, Branch branch) {
        this.name = name;
        this.inputs = branch.inputs();
        this.watermarkAfter = new long[inputs.size() + 1];
        long max = Long.MIN_VALUE;
        watermarkAfter[0] = Long.MIN_VALUE;
        for (int i = 0; i < inputs.size(); i++) {
            max = Math.max(max, inputs.get(i).ts());
            watermarkAfter[i + 1] = max - branch.bound() - 1;
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public Class<SourceItem> producedType() {
        return SourceItem.class;
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        return restoreEnumerator(context, List.of(new Split(name, 0)));
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
        // every split belongs to reader 0, the only one (the job runs this source with parallelism 1)
        return StaticSplitEnumerator.byOrdinal(context, unassigned, split -> 0, Boundedness.BOUNDED);
    }

    @Override
    public SplitReader<SourceItem, Split> createReader(ReaderContext context) {
        return new Reader(context);
    }

    @Override
    public Codec<Split> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(Split value, CodecOutput out) {
                out.writeString(value.splitId());
                out.writeVarInt(value.next());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readString(), in.readVarInt());
            }
        };
    }

    private final class Reader extends SequentialSplitReader<SourceItem, Split> {
        private Split split;

        Reader(ReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(Split split) {
            this.split = split;
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<SourceItem> output) {
            int i = split.next();
            int end = Math.min(inputs.size(), i + RECORDS_PER_POLL);
            for (; i < end; i++) {
                Input in = inputs.get(i);
                output.collect(new SourceItem(true, 0, 0, 0, watermarkAfter[i]), in.ts());
                output.collect(new SourceItem(false, in.key(), in.value(), in.ts(), watermarkAfter[i + 1]), in.ts());
            }
            split = new Split(split.splitId(), i);
            return i >= inputs.size() ? SplitProgress.FINISHED : SplitProgress.EMITTED;
        }

        @Override
        protected Split openSplitPosition() {
            return split;
        }
    }
}
