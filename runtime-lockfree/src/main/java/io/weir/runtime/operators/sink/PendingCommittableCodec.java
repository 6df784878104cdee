package io.weir.runtime.operators.sink;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

/**
 * Encodes one element of the sink operator's list state: a committable with the id of the checkpoint
 * that pre-committed it. Format: a version byte (1), the checkpoint id (8 bytes), then the committable
 * through the sink's codec.
 *
 * <h2>Thread safety</h2>
 * Stateless apart from the sink's codec, which is thread-safe by the {@link Codec} contract.
 */
final class PendingCommittableCodec<C> implements Codec<PendingCommittableCodec.Pending<C>> {
    private static final int VERSION = 1;

    private final Codec<C> committableCodec;

    PendingCommittableCodec(Codec<C> committableCodec) {
        this.committableCodec = committableCodec;
    }

    /** A committable and the checkpoint that pre-committed it ({@code Long.MAX_VALUE}: end of input). */
    record Pending<C>(long checkpointId, C committable) {
    }

    @Override
    public void encode(Pending<C> value, CodecOutput out) {
        out.writeByte(VERSION);
        out.writeLong(value.checkpointId());
        committableCodec.encode(value.committable(), out);
    }

    @Override
    public Pending<C> decode(CodecInput in) {
        int version = in.readByte();
        if (version != VERSION) {
            throw new CodecException("pending committable of a two-phase-commit sink has format version " + version
                    + ", this runtime reads version " + VERSION);
        }
        long checkpointId = in.readLong();
        return new Pending<>(checkpointId, committableCodec.decode(in));
    }
}
