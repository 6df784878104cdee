package io.weir.testkit.internal;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exactly-once sink behind a source under test: each writer collects its records in a transaction per
 * checkpoint, kept in this JVM's memory under an id that is unique per writer and checkpoint; the
 * committable is that id; a commit publishes the transaction once (idempotent). So {@link #committed()} is
 * what a reader of a transactional system would see: a record replayed after a restore shows up twice
 * only if the source really emitted it twice after the restored position.
 *
 * <h2>Thread safety</h2>
 * Shared by the subtasks: the maps are concurrent; each writer's open transaction is confined to its task.
 *
 * @param <T> record type
 */
public final class CollectingSink<T> implements TwoPhaseCommitSink<T, String> {
    private final Map<String, List<T>> staged = new ConcurrentHashMap<>();
    private final Map<String, List<T>> committed = new ConcurrentHashMap<>();

    /** Every committed record, over all transactions. */
    public List<T> committed() {
        List<T> all = new ArrayList<>();
        committed.values().forEach(all::addAll);
        return all;
    }

    @Override
    public PrecommittingSinkWriter<T, String> createWriter(WriterContext context) {
        String writer = context.subtaskIndex() + "-" + UUID.randomUUID();
        return new PrecommittingSinkWriter<>() {
            private List<T> open = new ArrayList<>();

            @Override
            public void write(T record, long timestamp) {
                open.add(record);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public List<String> prepareCommit(long checkpointId) {
                String id = writer + "@" + checkpointId;
                staged.put(id, open);
                open = new ArrayList<>();
                return List.of(id);
            }

            @Override
            public void abortLeftovers(List<String> alreadyCommitted) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Committer<String> createCommitter(WriterContext context) {
        return new Committer<>() {
            @Override
            public void commit(List<String> ids) {
                for (String id : ids) {
                    List<T> records = staged.get(id);
                    if (records == null && !committed.containsKey(id)) {
                        throw new IllegalStateException("transaction " + id + " was never pre-committed");
                    }
                    if (records != null) {
                        committed.putIfAbsent(id, List.copyOf(records));
                    }
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Codec<String> committableCodec() {
        return new Codec<>() {
            @Override
            public void encode(String value, CodecOutput out) {
                out.writeString(value);
            }

            @Override
            public String decode(CodecInput in) {
                return in.readString();
            }
        };
    }
}
