package io.weir.connectors.chronicle;

import io.weir.spi.source.SourceOutput;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads one {@link QueueSplit}: a tailer (the delivery) that emits records and tracks the index of the last
 * document it consumed, and, in read-committed mode, a second tailer (the look-ahead) that reads the documents
 * ahead of it to learn how transactions end (a {@link TransactionTable}).
 *
 * <p>Read-committed delivery, in the manner of Kafka's last stable offset: a record of a committed transaction
 * is emitted, one of an aborted transaction skipped, and at a record of a transaction still open the delivery
 * stops until the look-ahead finds its COMMIT, ABORT or FENCE. The delivery never passes the look-ahead, so
 * after a restore at position {@code p} both start at {@code p}: every transaction with a record after
 * {@code p} is decided by a marker after that record, which the look-ahead reads again. A bounded read treats
 * transactions still open at its end as not committed. Records outside transactions (DATA) are always
 * delivered; uncommitted mode emits every record and ignores markers.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the reader's thread (the tailers' own thread checks are off because the runtime
 * may create and close a reader on another thread than the one that polls it).
 */
final class SplitCursor implements AutoCloseable {
    private final QueueSplit split;
    private final boolean readCommitted;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer delivery;
    private final ExcerptTailer ahead;
    private final TransactionTable table;
    private long position;
    private long aheadPosition;
    private boolean aheadDone;
    private boolean finished;
    // the last transaction the delivery met and its final state (a cache: records come in runs)
    private long lastSink;
    private int lastSubtask = -1;
    private long lastIncarnation;
    private long lastTxn;
    private byte lastState = -1;
    // the last transaction the look-ahead registered
    private long aheadSink;
    private int aheadSubtask = -1;
    private long aheadIncarnation;
    private long aheadTxn;

    SplitCursor(QueueSplit split, boolean readCommitted) {
        this.split = split;
        this.readCommitted = readCommitted;
        this.position = split.position();
        this.aheadPosition = split.position();
        this.finished = split.isFinished();
        this.queue = Queues.open(Path.of(split.path()), null, b -> b);
        ExcerptTailer d = null;
        ExcerptTailer a = null;
        try {
            d = tailerAfter(split.position());
            a = readCommitted ? tailerAfter(split.position()) : null;
        } catch (RuntimeException e) {
            closeQuietly(d);
            closeQuietly(a);
            queue.close();
            throw e;
        }
        this.delivery = d;
        this.ahead = a;
        this.table = readCommitted ? new TransactionTable(split.path()) : null;
    }

    private ExcerptTailer tailerAfter(long index) {
        ExcerptTailer tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
        if (index == QueueSplit.BEFORE_START) {
            tailer.toStart();
            return tailer;
        }
        boolean found = tailer.moveToIndex(index);
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!found || !dc.isPresent() || dc.index() != index) {
                throw new IllegalStateException("chronicle source: cannot resume " + split.splitId() + " of queue "
                        + split.path() + " after index 0x" + Long.toHexString(index)
                        + ": the queue has no document at that index (were its files deleted or replaced?)");
            }
        } catch (IllegalStateException e) {
            tailer.close();
            throw e;
        }
        return tailer;
    }

    /** {@code true} when a bounded split has consumed its last document. */
    boolean finished() {
        return finished;
    }

    /** The split at its current position. */
    QueueSplit snapshot() {
        return split.at(position);
    }

    /**
     * Emits up to {@code max} records.
     *
     * @return how many documents the delivery and the look-ahead consumed (0: nothing to do now)
     */
    <T> int poll(SourceOutput<T> output, Payloads<T> payloads, int max) {
        if (finished) {
            return 0;
        }
        int progress = readCommitted ? lookAhead(4 * max) : 0;
        return progress + deliver(output, payloads, max);
    }

    private int lookAhead(int limit) {
        int n = 0;
        while (n < limit && !aheadDone) {
            try (DocumentContext dc = ahead.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                long index = dc.index();
                if (index > split.end()) {
                    dc.rollbackOnClose();
                    endLookAhead();
                    break;
                }
                Bytes<?> in = dc.wire().bytes();
                byte kind = in.readByte();
                switch (kind) {
                    case DocumentDescriptor.DATA -> { }
                    case DocumentDescriptor.TXN_DATA -> registerData(in);
                    case DocumentDescriptor.PREPARE -> table.onPrepare(TxnId.read(in), in.readLong());
                    case DocumentDescriptor.COMMIT -> table.onCommit(TxnId.read(in), index);
                    case DocumentDescriptor.ABORT -> table.onAbort(TxnId.read(in), index);
                    case DocumentDescriptor.FENCE ->
                            table.onFence(in.readLong(), in.readInt(), in.readInt(), in.readLong(), index);
                    default -> throw unknownKind(kind, index);
                }
                aheadPosition = index;
                n++;
                if (index == split.end()) {
                    endLookAhead();
                }
            }
        }
        return n;
    }

    private void endLookAhead() {
        aheadDone = true;
        table.closeAtEnd();
    }

    private void registerData(Bytes<?> in) {
        long sink = in.readLong();
        int subtask = in.readInt();
        long incarnation = in.readLong();
        long txn = in.readLong();
        if (sink != aheadSink || subtask != aheadSubtask || incarnation != aheadIncarnation || txn != aheadTxn) {
            table.onData(new TxnId(sink, subtask, incarnation, txn));
            aheadSink = sink;
            aheadSubtask = subtask;
            aheadIncarnation = incarnation;
            aheadTxn = txn;
        }
    }

    private <T> int deliver(SourceOutput<T> output, Payloads<T> payloads, int max) {
        int n = 0;
        while (n < max && !finished) {
            try (DocumentContext dc = delivery.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                long index = dc.index();
                if (index > split.end() || (readCommitted && index > aheadPosition)) {
                    dc.rollbackOnClose();
                    break;
                }
                Bytes<?> in = dc.wire().bytes();
                byte kind = in.readByte();
                switch (kind) {
                    case DocumentDescriptor.DATA -> emit(output, payloads, in, index);
                    case DocumentDescriptor.TXN_DATA -> {
                        if (readCommitted) {
                            byte state = stateOf(in);
                            if (state != TransactionTable.COMMITTED && state != TransactionTable.ABORTED) {
                                dc.rollbackOnClose();
                                return n;
                            }
                            if (state == TransactionTable.COMMITTED) {
                                emit(output, payloads, in, index);
                            }
                        } else {
                            in.readSkip(DocumentDescriptor.TXN_ID_LENGTH);
                            emit(output, payloads, in, index);
                        }
                    }
                    case DocumentDescriptor.PREPARE -> { }
                    case DocumentDescriptor.COMMIT, DocumentDescriptor.ABORT, DocumentDescriptor.FENCE -> {
                        if (readCommitted) {
                            table.forget(index);
                        }
                    }
                    default -> throw unknownKind(kind, index);
                }
                position = index;
                n++;
                if (index == split.end()) {
                    finished = true;
                }
            }
        }
        return n;
    }

    /** Reads the transaction identity of a TXN_DATA record and answers its state (-1 or OPEN: not decided yet). */
    private byte stateOf(Bytes<?> in) {
        long sink = in.readLong();
        int subtask = in.readInt();
        long incarnation = in.readLong();
        long txn = in.readLong();
        if (lastState >= 0 && sink == lastSink && subtask == lastSubtask && incarnation == lastIncarnation
                && txn == lastTxn) {
            return lastState;
        }
        byte state = table.state(new TxnId(sink, subtask, incarnation, txn));
        if (state == TransactionTable.COMMITTED || state == TransactionTable.ABORTED) {
            lastSink = sink;
            lastSubtask = subtask;
            lastIncarnation = incarnation;
            lastTxn = txn;
            lastState = state;
        }
        return state;
    }

    private <T> void emit(SourceOutput<T> output, Payloads<T> payloads, Bytes<?> in, long index) {
        long timestamp = in.readLong();
        T record = payloads.read(in, where(index));
        if (timestamp == DocumentDescriptor.NO_TIMESTAMP) {
            output.collect(record);
        } else {
            output.collect(record, timestamp);
        }
    }

    private String where(long index) {
        return "queue " + split.path() + " index 0x" + Long.toHexString(index);
    }

    private IllegalStateException unknownKind(byte kind, long index) {
        return new IllegalStateException("chronicle source: the document at " + where(index) + " starts with byte "
                + kind + ", which is no document kind of the chronicle connector (1 to 6): the source reads only "
                + "queues written by the chronicle sink or ChronicleRecords (see DocumentDescriptor)");
    }

    /** The number of transactions the read-committed table tracks (for tests). */
    int trackedTransactions() {
        return table == null ? 0 : table.size();
    }

    @Override
    public void close() {
        closeQuietly(delivery);
        closeQuietly(ahead);
        queue.close();
    }

    private static void closeQuietly(ExcerptTailer tailer) {
        if (tailer != null) {
            tailer.close();
        }
    }
}
