package io.weir.connectors.datagen;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestEnumeratorContext;
import io.weir.spi.testing.TestReaderContext;

import java.util.ArrayList;
import java.util.List;

/** Runs a source's enumerator and readers on the test thread, with split requests answered at once. */
final class Harness<T> {
    /** An emitted event and its timestamp. */
    record Emitted<T>(T event, long timestamp) {
    }

    final List<SplitReader<T, DatagenSplit>> readers = new ArrayList<>();
    final List<List<Emitted<T>>> outputs = new ArrayList<>();
    final SplitEnumerator<DatagenSplit> enumerator;

    Harness(DatagenSource<T> source, int parallelism) {
        this(source, parallelism, null);
    }

    /** With {@code restored} (enumerator's unassigned splits) or {@code null} for a fresh run. */
    Harness(DatagenSource<T> source, int parallelism, List<DatagenSplit> restored) {
        var ctx = new TestEnumeratorContext<DatagenSplit>(parallelism).forwardTo(
                (split, subtask) -> readers.get(subtask).addSplits(List.of(split)),
                subtask -> readers.get(subtask).notifyNoMoreSplits());
        enumerator = restored == null ? source.createEnumerator(ctx) : source.restoreEnumerator(ctx, restored);
        enumerator.start();
        for (int i = 0; i < parallelism; i++) {
            int subtask = i;
            readers.add(source.createReader(new TestReaderContext(subtask, parallelism)
                    .onSplitRequest(() -> enumerator.handleSplitRequest(subtask))));
            outputs.add(new ArrayList<>());
        }
    }

    /** Starts every reader. */
    Harness<T> start() {
        readers.forEach(SplitReader::start);
        return this;
    }

    /** One {@code pollNext} of reader {@code subtask}. */
    ReadStatus poll(int subtask) throws Exception {
        List<Emitted<T>> out = outputs.get(subtask);
        return readers.get(subtask).pollNext(new SourceOutput<>() {
            @Override
            public void collect(T record) {
                throw new AssertionError("datagen always emits timestamps");
            }

            @Override
            public void collect(T record, long timestamp) {
                out.add(new Emitted<>(record, timestamp));
            }
        });
    }

    /** Polls every reader round-robin until all have ended; at most {@code maxPolls} polls in all. */
    Harness<T> runToEnd(int maxPolls) throws Exception {
        boolean[] ended = new boolean[readers.size()];
        int open = readers.size();
        for (int polls = 0; open > 0; polls++) {
            if (polls > maxPolls) {
                throw new AssertionError("readers did not end within " + maxPolls + " polls");
            }
            int subtask = polls % readers.size();
            if (!ended[subtask] && poll(subtask) == ReadStatus.END_OF_INPUT) {
                ended[subtask] = true;
                open--;
            }
        }
        return this;
    }

    /** Every event emitted, reader by reader. */
    List<Emitted<T>> all() {
        return outputs.stream().flatMap(List::stream).toList();
    }
}
