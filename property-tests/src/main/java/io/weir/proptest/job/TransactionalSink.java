package io.weir.proptest.job;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.proptest.pipeline.Ev;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-phase-commit test sink: a subtask's records between two checkpoints form one transaction
 * ({@code <subtask>@<checkpoint id>}, {@code <subtask>@final} at the end of the input), which becomes
 * visible in the {@link CommitStore} only when the runtime commits it. Transactions that never commit
 * are simply never visible, so leftovers need no abort.
 *
 * <h2>Thread safety</h2>
 * The sink is immutable; each writer and committer is confined to its subtask's thread.
 */
public final class TransactionalSink implements TwoPhaseCommitSink<Ev, CommitStore.Txn> {
    private final String storeName;

    /** A sink that commits into {@code CommitStore.named(storeName)}. */
    public TransactionalSink(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public PrecommittingSinkWriter<Ev, CommitStore.Txn> createWriter(WriterContext context) {
        int subtask = context.subtaskIndex();
        return new PrecommittingSinkWriter<>() {
            private List<Ev> open = new ArrayList<>();

            @Override
            public void write(Ev record, long timestamp) {
                open.add(record);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public List<CommitStore.Txn> prepareCommit(long checkpointId) {
                String id = subtask + "@" + (checkpointId == Long.MAX_VALUE ? "final" : Long.toString(checkpointId));
                CommitStore.Txn txn = new CommitStore.Txn(id, checkpointId, subtask, List.copyOf(open));
                open = new ArrayList<>();
                return List.of(txn);
            }

            @Override
            public void abortLeftovers(List<CommitStore.Txn> committed) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Committer<CommitStore.Txn> createCommitter(WriterContext context) {
        CommitStore store = CommitStore.named(storeName);
        return new Committer<>() {
            @Override
            public void commit(List<CommitStore.Txn> committables) {
                committables.forEach(store::commit);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Codec<CommitStore.Txn> committableCodec() {
        return new Codec<>() {
            @Override
            public void encode(CommitStore.Txn t, CodecOutput out) {
                out.writeString(t.id());
                out.writeLong(t.checkpointId());
                out.writeVarInt(t.subtask());
                out.writeVarInt(t.records().size());
                for (Ev e : t.records()) {
                    out.writeVarInt(e.key());
                    out.writeLong(e.value());
                    out.writeLong(e.ts());
                    out.writeLong(e.a());
                    out.writeLong(e.b());
                }
            }

            @Override
            public CommitStore.Txn decode(CodecInput in) {
                String id = in.readString();
                long checkpointId = in.readLong();
                int subtask = in.readVarInt();
                int n = in.readVarInt();
                List<Ev> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    records.add(new Ev(in.readVarInt(), in.readLong(), in.readLong(), in.readLong(), in.readLong()));
                }
                return new CommitStore.Txn(id, checkpointId, subtask, records);
            }
        };
    }
}
