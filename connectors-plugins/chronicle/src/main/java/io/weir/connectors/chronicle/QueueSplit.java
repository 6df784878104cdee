package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.source.SourceSplit;

import java.util.Objects;

/**
 * One queue of a {@link ChronicleSource} and the position reached in it: the split's checkpointed state is the
 * queue index of the last document consumed (delivered, skipped or a marker), so reading resumes at the next
 * document, exactly; {@link #BEFORE_START} when nothing was consumed yet.
 *
 * @param ordinal  the queue's position in the source's list of queues (decides which reader gets it)
 * @param path     the queue directory, absolute
 * @param position index of the last document consumed, or {@link #BEFORE_START}
 * @param end      bounded: index of the last document present when the job started ({@code -1}: the queue was
 *                 empty); {@link #UNBOUNDED} for a tailing source
 */
@Evolving
public record QueueSplit(int ordinal, String path, long position, long end) implements SourceSplit {
    /** The position before the first document. */
    public static final long BEFORE_START = -1;
    /** The end of a split that is tailed without end. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public QueueSplit {
        Objects.requireNonNull(path, "path");
        if (ordinal < 0 || position < BEFORE_START) {
            throw new IllegalArgumentException("bad chronicle split " + ordinal + " of " + path + " at " + position);
        }
    }

    @Override
    public String splitId() {
        return "chronicle-" + ordinal;
    }

    /** {@code true} when a bounded split has consumed its last document. */
    public boolean isFinished() {
        return end != UNBOUNDED && position >= end;
    }

    /** This split at {@code newPosition}. */
    QueueSplit at(long newPosition) {
        return new QueueSplit(ordinal, path, newPosition, end);
    }

    /** Stores splits in checkpoints: a version byte (1), ordinal, path, position, end. */
    static final Codec<QueueSplit> CODEC = new Codec<>() {
        private static final int VERSION = 1;

        @Override
        public void encode(QueueSplit value, CodecOutput out) {
            out.writeByte(VERSION);
            out.writeVarInt(value.ordinal());
            out.writeString(value.path());
            out.writeLong(value.position());
            out.writeLong(value.end());
        }

        @Override
        public QueueSplit decode(CodecInput in) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new CodecException("chronicle split has format version " + version + ", this connector reads "
                        + VERSION);
            }
            return new QueueSplit(in.readVarInt(), in.readString(), in.readLong(), in.readLong());
        }
    };
}
