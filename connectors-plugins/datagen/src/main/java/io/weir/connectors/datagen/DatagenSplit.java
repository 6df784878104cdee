package io.weir.connectors.datagen;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.SourceSplit;

/**
 * The event indexes {@code next, next + stride, next + 2 * stride, ...} below {@code end}: split {@code k}
 * of {@code n} starts at {@code k} with stride {@code n}, so the {@code n} splits cover every index once
 * and every reader moves through event time at the same pace. The position is {@code next}.
 *
 * @param index  split number, {@code 0 <= index < stride}
 * @param stride the number of splits
 * @param next   the next index to generate
 * @param end    the first index not to generate ({@link Long#MAX_VALUE}: unbounded)
 */
public record DatagenSplit(int index, int stride, long next, long end) implements SourceSplit {
    public DatagenSplit {
        if (stride < 1 || index < 0 || index >= stride || next < 0) {
            throw new IllegalArgumentException("bad datagen split " + index + "/" + stride + " at " + next);
        }
    }

    /** Split {@code index} of {@code count} over {@code [0, end)}. */
    static DatagenSplit first(int index, int count, long end) {
        return new DatagenSplit(index, count, index, end);
    }

    @Override
    public String splitId() {
        return "datagen-" + index + "-of-" + stride;
    }

    /** {@code true} when every index of the split has been generated. */
    public boolean isFinished() {
        return next >= end;
    }

    /** This split with position {@code next}. */
    DatagenSplit at(long newNext) {
        return new DatagenSplit(index, stride, newNext, end);
    }

    /** Stores splits in checkpoints: the datagen source's checkpoint format, for sources built on its splits too. */
    public static final Codec<DatagenSplit> CODEC = new Codec<>() {
        @Override
        public void encode(DatagenSplit value, CodecOutput out) {
            out.writeInt(value.index());
            out.writeInt(value.stride());
            out.writeLong(value.next());
            out.writeLong(value.end());
        }

        @Override
        public DatagenSplit decode(CodecInput in) {
            return new DatagenSplit(in.readInt(), in.readInt(), in.readLong(), in.readLong());
        }

        @Override
        public int fixedSize() {
            return 2 * Integer.BYTES + 2 * Long.BYTES;
        }
    };
}
