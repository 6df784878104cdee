package io.weir.runtime.recovery;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transactional test sink: each transaction (one per subtask and checkpoint) holds its records; a
 * commit publishes them under the transaction's id, once (idempotent). The committed output is what a
 * reader of the sink would see; records of transactions that never commit are never visible.
 */
final class CommitLogSink implements TwoPhaseCommitSink<String, CommitLogSink.Txn> {
    record Txn(String id, List<String> records) {
    }

    final Map<String, List<String>> committed = new ConcurrentHashMap<>();
    final Map<String, Integer> commitCalls = new ConcurrentHashMap<>();
    /** Ids of transactions committed a second time with other records than the first time. */
    final List<String> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Records written by every writer of every attempt (committed or not). */
    final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

    /** Every committed record, over all transactions. */
    List<String> output() {
        List<String> all = new ArrayList<>();
        committed.values().forEach(all::addAll);
        return all;
    }

    @Override
    public PrecommittingSinkWriter<String, Txn> createWriter(WriterContext context) {
        return new PrecommittingSinkWriter<>() {
            private List<String> open = new ArrayList<>();

            @Override
            public void write(String record, long timestamp) {
                written.incrementAndGet();
                open.add(record);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public List<Txn> prepareCommit(long checkpointId) {
                Txn txn = new Txn(context.subtaskIndex() + "@" + (checkpointId == Long.MAX_VALUE ? "final" : checkpointId), open);
                open = new ArrayList<>();
                return List.of(txn);
            }

            @Override
            public void abortLeftovers(List<Txn> committedTxns) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Committer<Txn> createCommitter(WriterContext context) {
        return new Committer<>() {
            @Override
            public void commit(List<Txn> committables) {
                for (Txn t : committables) {
                    List<String> before = committed.putIfAbsent(t.id(), List.copyOf(t.records()));
                    if (before != null && !before.equals(t.records())) {
                        conflicts.add(t.id());
                    }
                    commitCalls.merge(t.id(), 1, Integer::sum);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Codec<Txn> committableCodec() {
        return new Codec<>() {
            @Override
            public void encode(Txn value, CodecOutput out) {
                out.writeString(value.id());
                out.writeVarInt(value.records().size());
                for (String r : value.records()) {
                    out.writeString(r);
                }
            }

            @Override
            public Txn decode(CodecInput in) {
                String id = in.readString();
                int n = in.readVarInt();
                List<String> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    records.add(in.readString());
                }
                return new Txn(id, records);
            }
        };
    }
}
