package io.weir.connectors.chronicle;

import io.weir.api.config.Configuration;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Contexts and outputs for driving readers, enumerators and writers by hand. */
final class TestContexts {
    private TestContexts() {
    }

    /** A writer context. */
    record Writer(int subtaskIndex, int parallelism, OptionalLong restoredCheckpointId) implements WriterContext {
        static Writer fresh(int subtask, int parallelism) {
            return new Writer(subtask, parallelism, OptionalLong.empty());
        }

        static Writer restored(int subtask, int parallelism, long checkpointId) {
            return new Writer(subtask, parallelism, OptionalLong.of(checkpointId));
        }

        @Override
        public Configuration configuration() {
            return new Configuration();
        }
    }

    /** A reader context that counts split requests. */
    static final class Reader implements ReaderContext {
        final int subtask;
        final int parallelism;
        int requests;

        Reader(int subtask, int parallelism) {
            this.subtask = subtask;
            this.parallelism = parallelism;
        }

        @Override
        public int subtaskIndex() {
            return subtask;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public Configuration configuration() {
            return new Configuration();
        }

        @Override
        public void sendSplitRequest() {
            requests++;
        }
    }

    /** An enumerator context that records assignments. */
    static final class Enumerator implements EnumeratorContext<QueueSplit> {
        final int parallelism;
        final Map<Integer, List<QueueSplit>> assigned = new TreeMap<>();
        final List<Integer> noMore = new ArrayList<>();

        Enumerator(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public Configuration configuration() {
            return new Configuration();
        }

        @Override
        public void assignSplit(QueueSplit split, int subtask) {
            assigned.computeIfAbsent(subtask, k -> new ArrayList<>()).add(split);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            noMore.add(subtask);
        }
    }

    /** Collects records and their timestamps ({@link Long#MIN_VALUE} for none). */
    static final class Collect<T> implements SourceOutput<T> {
        final List<T> records = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();

        @Override
        public void collect(T record) {
            records.add(record);
            timestamps.add(Long.MIN_VALUE);
        }

        @Override
        public void collect(T record, long timestamp) {
            records.add(record);
            timestamps.add(timestamp);
        }
    }
}
