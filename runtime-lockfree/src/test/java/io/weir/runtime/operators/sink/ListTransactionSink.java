package io.weir.runtime.operators.sink;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A transactional sink into memory, for tests: a transaction is a list of records staged under an id
 * {@code s<subtask>-<n>} (the committable); committing moves it to {@link #visible}, once. Every call is
 * logged in {@link #log} as {@code "write:x"}, {@code "prepare:n"}, {@code "commit:[ids]"},
 * {@code "abort:[ids]"}, {@code "flush:end"}, {@code "close-writer"}, {@code "close-committer"}.
 * Single-threaded: the tests drive operators by hand.
 */
final class ListTransactionSink implements TwoPhaseCommitSink<String, String> {
    final Map<String, List<String>> staged = new LinkedHashMap<>();
    final Set<String> committed = new HashSet<>();
    final List<String> visible = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<OptionalLong> restoredIds = new ArrayList<>();
    int transactions;
    RuntimeException failPrepare;
    RuntimeException failCommit;

    @Override
    public PrecommittingSinkWriter<String, String> createWriter(WriterContext context) {
        restoredIds.add(context.restoredCheckpointId());
        return new Writer(context.subtaskIndex());
    }

    @Override
    public Committer<String> createCommitter(WriterContext context) {
        return new Committer<>() {
            @Override
            public void commit(List<String> committables) {
                log.add("commit:" + committables);
                if (failCommit != null) {
                    throw failCommit;
                }
                for (String id : committables) {
                    if (committed.add(id)) {
                        List<String> records = staged.remove(id);
                        if (records == null) {
                            throw new IllegalStateException("transaction " + id + " is gone");
                        }
                        visible.addAll(records);
                    }
                }
            }

            @Override
            public void close() {
                log.add("close-committer");
            }
        };
    }

    @Override
    public Codec<String> committableCodec() {
        return new CodecRegistry().codecFor(String.class);
    }

    private final class Writer implements PrecommittingSinkWriter<String, String> {
        private final String prefix;
        private String current;

        Writer(int subtask) {
            this.prefix = "s" + subtask + "-";
        }

        @Override
        public void write(String record, long timestamp) {
            log.add("write:" + record);
            if (current == null) {
                current = prefix + transactions++;
                staged.put(current, new ArrayList<>());
            }
            staged.get(current).add(record);
        }

        @Override
        public void flush(boolean endOfInput) {
            log.add(endOfInput ? "flush:end" : "flush");
        }

        @Override
        public List<String> prepareCommit(long checkpointId) {
            log.add("prepare:" + checkpointId);
            if (failPrepare != null) {
                throw failPrepare;
            }
            List<String> out = current == null ? List.of() : List.of(current);
            current = null;
            return out;
        }

        @Override
        public void abortLeftovers(List<String> committedHere) {
            List<String> aborted = new ArrayList<>();
            staged.keySet().removeIf(id -> {
                boolean leftover = id.startsWith(prefix) && !committedHere.contains(id);
                if (leftover) {
                    aborted.add(id);
                }
                return leftover;
            });
            log.add("abort:" + aborted);
        }

        @Override
        public void close() {
            log.add("close-writer");
        }
    }
}
