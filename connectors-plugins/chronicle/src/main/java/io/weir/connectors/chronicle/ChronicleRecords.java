package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.spi.source.SourceOutput;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Tools around queues of the chronicle connector, outside jobs: fill a queue with records for a source, read
 * what a sink committed, and abort the open transactions of a sink id that will not run again.
 *
 * <h2>Thread safety</h2>
 * Stateless; each call opens and closes its own queue handle.
 */
@Evolving
public final class ChronicleRecords {
    static {
        Queues.init();
    }

    private ChronicleRecords() {
    }

    /**
     * Appends {@code records} as DATA documents (outside transactions, so visible to every reader at once), without
     * timestamps, creating the queue when missing.
     *
     * @return the queue index of the last record appended, or {@code -1} when there was none
     */
    public static <T> long append(Path queue, RecordFormat<T> format, Iterable<? extends T> records) {
        Payloads<T> payloads = new Payloads<>(format);
        long last = -1;
        try (SingleChronicleQueue q = Queues.open(queue, null, UnaryOperator.identity());
             ExcerptAppender appender = q.createAppender()) {
            for (T record : records) {
                try (DocumentContext dc = appender.writingDocument()) {
                    Bytes<?> out = dc.wire().bytes();
                    DocumentDescriptor.writeData(out, DocumentDescriptor.NO_TIMESTAMP);
                    payloads.write(record, out);
                }
                last = appender.lastIndexAppended();
            }
        }
        return last;
    }

    /** The records in the queue now, as a bounded read-committed {@link ChronicleSource} would emit them. */
    public static <T> List<T> readCommitted(Path queue, RecordFormat<T> format) {
        return read(queue, format, true);
    }

    /** Every record in the queue now, committed or not. */
    public static <T> List<T> readUncommitted(Path queue, RecordFormat<T> format) {
        return read(queue, format, false);
    }

    private static <T> List<T> read(Path queue, RecordFormat<T> format, boolean committed) {
        long end;
        try (SingleChronicleQueue q = Queues.openExisting(queue, "ChronicleRecords.read")) {
            end = q.lastIndex();
        }
        List<T> records = new ArrayList<>();
        SourceOutput<T> output = new SourceOutput<>() {
            @Override
            public void collect(T record) {
                records.add(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                records.add(record);
            }
        };
        Payloads<T> payloads = new Payloads<>(format);
        QueueSplit split = new QueueSplit(0, queue.toAbsolutePath().normalize().toString(), QueueSplit.BEFORE_START,
                end);
        try (SplitCursor cursor = new SplitCursor(split, committed)) {
            while (!cursor.finished()) {
                if (cursor.poll(output, payloads, 1024) == 0) {
                    throw new IllegalStateException("reading queue " + queue + " made no progress before index 0x"
                            + Long.toHexString(end));
                }
            }
        }
        return records;
    }

    /**
     * Aborts, for read-committed readers, every transaction of {@code sinkId} in the queue that is not decided yet
     * (a FENCE for every subtask, as a fresh start of the sink would write). For a job that stopped for good
     * between a pre-commit and its commit; never while a job with that sink id runs.
     */
    public static void abortOpenTransactions(Path queue, String sinkId) {
        try (SingleChronicleQueue q = Queues.openExisting(queue, "ChronicleRecords.abortOpenTransactions");
             ExcerptAppender appender = q.createAppender()) {
            try (DocumentContext dc = appender.writingDocument()) {
                DocumentDescriptor.writeFence(dc.wire().bytes(), ChronicleSink.hash(sinkId), 0, Integer.MAX_VALUE,
                        DocumentDescriptor.NO_CHECKPOINT);
            }
            appender.sync();
        }
    }
}
