package io.weir.connectors.chronicle;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestEnumeratorContext;
import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;

import java.util.ArrayList;
import java.util.List;

/** Drives a source by hand: enumerator, readers, polls. */
final class Drive {
    private Drive() {
    }

    /** Reads a bounded source to its end with {@code parallelism} readers; the outputs by subtask. */
    static <T> List<TestSourceOutput<T>> readAll(ChronicleSource<T> source, int parallelism) throws Exception {
        TestEnumeratorContext<QueueSplit> ec = new TestEnumeratorContext<QueueSplit>(parallelism);
        List<TestSourceOutput<T>> outputs = new ArrayList<>();
        try (SplitEnumerator<QueueSplit> enumerator = source.createEnumerator(ec)) {
            enumerator.start();
            for (int s = 0; s < parallelism; s++) {
                TestSourceOutput<T> out = new TestSourceOutput<>();
                outputs.add(out);
                try (SplitReader<T, QueueSplit> reader = source.createReader(new TestReaderContext(s, parallelism))) {
                    reader.start();
                    enumerator.handleSplitRequest(s);
                    reader.addSplits(ec.assigned(s));
                    reader.notifyNoMoreSplits();
                    int polls = 0;
                    while (reader.pollNext(out) != ReadStatus.END_OF_INPUT) {
                        if (++polls > 1_000_000) {
                            throw new IllegalStateException("the reader does not end");
                        }
                    }
                }
            }
        }
        return outputs;
    }

    /**
     * What a tailing read-committed reader of {@code queue} emits until it has nothing more to do: it stops at
     * the first record of a transaction still open, so unlike a bounded read it shows whether leftovers were
     * aborted.
     */
    static List<String> tailCommitted(java.nio.file.Path queue) throws Exception {
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(queue).build();
        TestSourceOutput<String> out = new TestSourceOutput<>();
        try (SplitReader<String, QueueSplit> reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(source.initialSplits());
            drain(reader, out);
        }
        return out.records();
    }

    /** Polls {@code reader} until it returns NOTHING_AVAILABLE or END_OF_INPUT; the last status. */
    static <T> ReadStatus drain(SplitReader<T, QueueSplit> reader, TestSourceOutput<T> out) throws Exception {
        for (int polls = 0; polls < 1_000_000; polls++) {
            ReadStatus status = reader.pollNext(out);
            if (status != ReadStatus.MORE_AVAILABLE) {
                return status;
            }
        }
        throw new IllegalStateException("the reader never runs dry");
    }

    /** Polls {@code reader} until it emitted {@code count} records in all or stops making progress. */
    static <T> void readUntil(SplitReader<T, QueueSplit> reader, TestSourceOutput<T> out, int count) throws Exception {
        for (int polls = 0; polls < 1_000_000 && out.records().size() < count; polls++) {
            if (reader.pollNext(out) != ReadStatus.MORE_AVAILABLE) {
                return;
            }
        }
    }
}
