package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

import java.util.Objects;

/**
 * A pre-committed transaction of a {@link ChronicleSink} writer: its records and its PREPARE marker are in the
 * queue; committing appends its COMMIT marker (see {@link DocumentDescriptor}).
 *
 * @param path        the queue directory, absolute
 * @param sink        hash of the sink id
 * @param subtask     the subtask that wrote it
 * @param incarnation the writer's incarnation (index of its FENCE)
 * @param txn         the writer's transaction counter
 * @param checkpoint  the checkpoint that pre-committed it ({@link Long#MAX_VALUE}: end of input)
 */
@Evolving
public record ChronicleCommittable(String path, long sink, int subtask, long incarnation, long txn, long checkpoint) {

    public ChronicleCommittable {
        Objects.requireNonNull(path, "path");
    }

    /** The identity written in the transaction's documents. */
    TxnId id() {
        return new TxnId(sink, subtask, incarnation, txn);
    }

    @Override
    public String toString() {
        return id() + " of checkpoint " + (checkpoint == Long.MAX_VALUE ? "end-of-input" : checkpoint) + " in queue "
                + path;
    }

    /** The checkpoint format: a version byte (1), then the fields in order. Stable across JVMs. */
    static final Codec<ChronicleCommittable> CODEC = new Codec<>() {
        private static final int VERSION = 1;

        @Override
        public void encode(ChronicleCommittable c, CodecOutput out) {
            out.writeByte(VERSION);
            out.writeString(c.path());
            out.writeLong(c.sink());
            out.writeInt(c.subtask());
            out.writeLong(c.incarnation());
            out.writeLong(c.txn());
            out.writeLong(c.checkpoint());
        }

        @Override
        public ChronicleCommittable decode(CodecInput in) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new CodecException("chronicle sink committable has format version " + version
                        + ", this connector reads version " + VERSION);
            }
            return new ChronicleCommittable(in.readString(), in.readLong(), in.readInt(), in.readLong(), in.readLong(),
                    in.readLong());
        }
    };
}
