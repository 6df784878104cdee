package io.weir.connectors.files.source;

import io.weir.api.config.Configuration;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestEnumeratorContext;
import io.weir.spi.testing.TestReaderContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a file source's enumerator and readers on the test thread, split requests answered at once; can take
 * a checkpoint (enumerator and reader states) and start a new harness from one, with any parallelism.
 */
final class SourceHarness<T> implements AutoCloseable {
    /** A checkpoint: the enumerator's splits and every reader's. */
    record Checkpoint(List<FileSplit> enumerator, List<FileSplit> readers) {
    }

    final List<SplitReader<T, FileSplit>> readers = new ArrayList<>();
    final List<List<T>> outputs = new ArrayList<>();
    final SplitEnumerator<FileSplit> enumerator;
    private final boolean[] ended;

    SourceHarness(FileSource<T> source, int parallelism, Configuration configuration, Checkpoint restored) {
        var ctx = new TestEnumeratorContext<FileSplit>(parallelism, configuration).forwardTo(
                (split, subtask) -> readers.get(subtask).addSplits(List.of(split)),
                subtask -> readers.get(subtask).notifyNoMoreSplits());
        enumerator = restored == null ? source.createEnumerator(ctx) : source.restoreEnumerator(ctx, restored.enumerator());
        enumerator.start();
        for (int i = 0; i < parallelism; i++) {
            int subtask = i;
            readers.add(source.createReader(new TestReaderContext(subtask, parallelism, configuration)
                    .onSplitRequest(() -> enumerator.handleSplitRequest(subtask))));
            outputs.add(new ArrayList<>());
        }
        if (restored != null) {
            for (int i = 0; i < restored.readers().size(); i++) {
                readers.get(i % parallelism).addSplits(List.of(restored.readers().get(i)));
            }
        }
        readers.forEach(SplitReader::start);
        ended = new boolean[parallelism];
    }

    SourceHarness(FileSource<T> source, int parallelism) {
        this(source, parallelism, new Configuration(), null);
    }

    /** One {@code pollNext} of reader {@code subtask}. */
    ReadStatus poll(int subtask) throws Exception {
        if (ended[subtask]) {
            return ReadStatus.END_OF_INPUT;
        }
        List<T> out = outputs.get(subtask);
        ReadStatus status = readers.get(subtask).pollNext(new SourceOutput<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                out.add(record);
            }
        });
        if (status == ReadStatus.END_OF_INPUT) {
            ended[subtask] = true;
        }
        return status;
    }

    /** Polls every reader round-robin until all have ended (bounded) or none has anything (monitoring). */
    SourceHarness<T> runToEnd() throws Exception {
        for (int polls = 0; ; polls++) {
            if (polls > 1_000_000) {
                throw new AssertionError("readers did not end within a million polls");
            }
            boolean any = false;
            for (int i = 0; i < readers.size(); i++) {
                any |= poll(i) == ReadStatus.MORE_AVAILABLE;
            }
            if (!any) {
                return this;
            }
        }
    }

    /** Takes a checkpoint: the enumerator's state, then every reader's. */
    Checkpoint checkpoint(long id) {
        List<FileSplit> readerSplits = new ArrayList<>();
        for (SplitReader<T, FileSplit> reader : readers) {
            readerSplits.addAll(reader.snapshotState(id));
        }
        return new Checkpoint(roundTrip(enumerator.snapshotState(id)), roundTrip(readerSplits));
    }

    /** Through the split codec, as a checkpoint stores them. */
    static List<FileSplit> roundTrip(List<FileSplit> splits) {
        List<FileSplit> copy = new ArrayList<>();
        for (FileSplit split : splits) {
            var out = new io.weir.api.codec.ByteArrayCodecOutput();
            FileSplitCodec.INSTANCE.encode(split, out);
            copy.add(FileSplitCodec.INSTANCE.decode(new io.weir.api.codec.ByteArrayCodecInput(out.toByteArray())));
        }
        return copy;
    }

    /** Every record emitted, reader by reader. */
    List<T> all() {
        return outputs.stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() throws Exception {
        for (SplitReader<T, FileSplit> reader : readers) {
            reader.close();
        }
        enumerator.close();
    }
}
