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

import java.util.List;

/**
 * {@code fromElements}/{@code fromCollection}: one split over the whole list whose position is the index
 * of the next element, so that reading resumes exactly where a checkpoint left it.
 *
 * @param <T> element type
 */
public final class CollectionSplitSource<T> implements SplitSource<T, CollectionSplitSource.Split> {
    private final List<T> elements;

    public CollectionSplitSource(List<T> elements) {
        this.elements = List.copyOf(elements);
    }

    /** The position reached in the list. */
    public record Split(int position) implements SourceSplit {
        @Override
        public String splitId() {
            return "collection";
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassignedSplits) {
        return StaticSplitEnumerator.inOrder(context, unassignedSplits);
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
        return StaticSplitEnumerator.inOrder(context, List.of(new Split(0)));
    }

    @Override
    public SplitReader<T, Split> createReader(ReaderContext context) {
        return new Reader<>(elements, context);
    }

    @Override
    public Codec<Split> splitCodec() {
        return new Codec<>() {
            @Override
            public void encode(Split value, CodecOutput out) {
                out.writeInt(value.position());
            }

            @Override
            public Split decode(CodecInput in) {
                return new Split(in.readInt());
            }

            @Override
            public int fixedSize() {
                return Integer.BYTES;
            }
        };
    }

    private static final class Reader<T> extends SequentialSplitReader<T, Split> {
        private final List<T> elements;
        private int position;

        Reader(List<T> elements, ReaderContext context) {
            super(context);
            this.elements = elements;
        }

        @Override
        protected void openSplit(Split split) {
            position = split.position();
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<T> output) {
            if (position < elements.size()) {
                output.collect(elements.get(position++));
            }
            return position < elements.size() ? SplitProgress.EMITTED : SplitProgress.FINISHED;
        }

        @Override
        protected Split openSplitPosition() {
            return new Split(position);
        }
    }
}
