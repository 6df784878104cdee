package io.weir.connectors.chronicle;

import io.weir.spi.sink.PrecommittingSinkWriter;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.List;
import java.util.OptionalLong;

/**
 * The writer of one {@link ChronicleSink} subtask: appends one document per record to the queue.
 *
 * <p>Exactly-once: before its first document the writer appends a FENCE for its subtask index (subtask 0 also
 * one for every index at or above the parallelism, the subtasks that no longer exist after scaling down) with
 * the restored checkpoint id, which aborts for read-committed readers every undecided transaction of earlier
 * runs that the restored checkpoint does not hold; the FENCE's index becomes this writer's incarnation. Records
 * go into TXN_DATA documents of the current transaction; {@link #prepareCommit} appends a PREPARE marker,
 * syncs the queue and hands the transaction to the committer; {@link #close()} without a pre-commit appends an
 * ABORT for the open transaction (best effort: the next run's FENCE aborts it anyway).
 *
 * <p>At-least-once: plain DATA documents, synced at every checkpoint; no markers.
 *
 * <h2>Thread safety</h2>
 * The subtask's thread, as {@link PrecommittingSinkWriter} says (close possibly from the supervisor thread once
 * the subtask's thread has stopped: the appender's own thread check is off).
 */
final class ChronicleSinkWriter<T> implements PrecommittingSinkWriter<T, ChronicleCommittable> {
    private static final System.Logger LOG = System.getLogger(ChronicleSinkWriter.class.getName());

    private final ChronicleSink<T> sink;
    private final int subtask;
    private final int parallelism;
    private final OptionalLong restoredCheckpointId;
    private final Payloads<T> payloads;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private boolean started;
    private TxnId current;
    private long records;
    private boolean closed;

    ChronicleSinkWriter(ChronicleSink<T> sink, int subtask, int parallelism, OptionalLong restoredCheckpointId) {
        this.sink = sink;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.restoredCheckpointId = restoredCheckpointId;
        this.payloads = new Payloads<>(sink.format());
        this.queue = Queues.open(sink.queue(), sink.rollCycle(), sink.customizer());
        try {
            this.appender = queue.createAppender();
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        appender.singleThreadedCheckDisabled(true);
    }

    /** Exactly-once: fences earlier incarnations before the first document of this one. */
    private void start() {
        if (started) {
            return;
        }
        started = true;
        if (!sink.exactlyOnce()) {
            return;
        }
        long restored = restoredCheckpointId.orElse(DocumentDescriptor.NO_CHECKPOINT);
        try (DocumentContext dc = appender.writingDocument()) {
            DocumentDescriptor.writeFence(dc.wire().bytes(), sink.sinkHash(), subtask, subtask, restored);
        }
        long incarnation = appender.lastIndexAppended();
        if (subtask == 0 && parallelism < Integer.MAX_VALUE) {
            try (DocumentContext dc = appender.writingDocument()) {
                DocumentDescriptor.writeFence(dc.wire().bytes(), sink.sinkHash(), parallelism, Integer.MAX_VALUE,
                        restored);
            }
        }
        current = new TxnId(sink.sinkHash(), subtask, incarnation, 0);
    }

    @Override
    public void write(T record, long timestamp) {
        start();
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                Bytes<?> out = dc.wire().bytes();
                if (current != null) {
                    DocumentDescriptor.writeTxn(out, DocumentDescriptor.TXN_DATA, current, timestamp);
                } else {
                    DocumentDescriptor.writeData(out, timestamp);
                }
                payloads.write(record, out);
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose();
                throw e;
            }
        }
        records++;
    }

    @Override
    public void flush(boolean endOfInput) {
        if (sink.sync()) {
            appender.sync();
        }
    }

    @Override
    public List<ChronicleCommittable> prepareCommit(long checkpointId) {
        start();
        if (current == null) {
            flush(false);
            return List.of();
        }
        if (records == 0) {
            return List.of();
        }
        TxnId id = current;
        writeMarker(DocumentDescriptor.PREPARE, id, checkpointId);
        flush(false);
        current = new TxnId(id.sink(), id.subtask(), id.incarnation(), id.txn() + 1);
        records = 0;
        return List.of(new ChronicleCommittable(sink.queue().toString(), id.sink(), id.subtask(), id.incarnation(),
                id.txn(), checkpointId));
    }

    @Override
    public void abortLeftovers(List<ChronicleCommittable> committed) {
        start();
        if (sink.sync()) {
            appender.sync();
        }
    }

    private void writeMarker(byte kind, TxnId id, long checkpoint) {
        try (DocumentContext dc = appender.writingDocument()) {
            DocumentDescriptor.writeTxn(dc.wire().bytes(), kind, id, checkpoint);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (current != null && records > 0) {
                writeMarker(DocumentDescriptor.ABORT, current, DocumentDescriptor.NO_CHECKPOINT);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "chronicle sink: could not append the ABORT of " + current
                    + " to queue " + sink.queue() + "; the next run's FENCE aborts it", e);
        } finally {
            try {
                appender.close();
            } finally {
                queue.close();
            }
        }
    }
}
