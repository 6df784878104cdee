package io.weir.connectors.chronicle;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What a read-committed reader knows about the transactions between its delivery position and its look-ahead
 * position in one queue: for each transaction whose records the look-ahead has seen, whether it is still open,
 * committed or aborted, the checkpoint it was prepared for, and the index of the marker that decided it.
 *
 * <p>The look-ahead feeds it documents in queue order ({@link #onData}, {@link #onPrepare}, {@link #onCommit},
 * {@link #onAbort}, {@link #onFence}); the delivery asks {@link #state} for each record and calls
 * {@link #forget} as it passes a deciding marker (no record of a decided transaction follows its marker, so the
 * entry is no longer needed). Markers of transactions the look-ahead never saw a record of are ignored: their
 * records lie before the reader's position (they were already delivered or skipped), or there are none.
 *
 * <p>Memory: one entry per transaction with a record between the two positions, never per record.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: confined to the reader's thread.
 */
final class TransactionTable {
    /** Not decided yet. */
    static final byte OPEN = 0;
    /** Committed: deliver its records. */
    static final byte COMMITTED = 1;
    /** Aborted, or not committed by the end of a bounded read: skip its records. */
    static final byte ABORTED = 2;

    private static final System.Logger LOG = System.getLogger(TransactionTable.class.getName());

    /** One transaction. */
    static final class Entry {
        long prepared = DocumentDescriptor.NO_CHECKPOINT;
        byte state = OPEN;
        long decidedAt = -1;
    }

    private final String queue;
    private final Map<TxnId, Entry> entries = new HashMap<>();
    /** Bounded read whose look-ahead reached the end: every open transaction counts as not committed. */
    private boolean closedAtEnd;

    TransactionTable(String queue) {
        this.queue = queue;
    }

    /** The look-ahead read a record of {@code id}. */
    void onData(TxnId id) {
        entries.computeIfAbsent(id, k -> new Entry());
    }

    /** The look-ahead read a PREPARE of {@code id} for {@code checkpoint}. */
    void onPrepare(TxnId id, long checkpoint) {
        Entry e = entries.get(id);
        if (e != null) {
            e.prepared = checkpoint;
        }
    }

    /** The look-ahead read a COMMIT of {@code id} at {@code index}. */
    void onCommit(TxnId id, long index) {
        Entry e = entries.get(id);
        if (e == null) {
            return;
        }
        if (e.state == OPEN) {
            e.state = COMMITTED;
            e.decidedAt = index;
        } else if (e.state == ABORTED) {
            LOG.log(System.Logger.Level.WARNING, "queue " + queue + ": a COMMIT of " + id + " at index 0x"
                    + Long.toHexString(index) + " comes after the transaction was aborted; its records stay skipped. "
                    + "Two jobs writing this queue with the same sink id?");
        }
    }

    /** The look-ahead read an ABORT of {@code id} at {@code index}. */
    void onAbort(TxnId id, long index) {
        Entry e = entries.get(id);
        if (e != null && e.state == OPEN) {
            e.state = ABORTED;
            e.decidedAt = index;
        }
    }

    /** The look-ahead read a FENCE at {@code index}: see {@link DocumentDescriptor}. */
    void onFence(long sink, int firstSubtask, int lastSubtask, long restoredCheckpoint, long index) {
        for (Map.Entry<TxnId, Entry> me : entries.entrySet()) {
            TxnId id = me.getKey();
            Entry e = me.getValue();
            if (e.state == OPEN && id.sink() == sink && id.subtask() >= firstSubtask && id.subtask() <= lastSubtask
                    && (e.prepared == DocumentDescriptor.NO_CHECKPOINT || e.prepared > restoredCheckpoint)) {
                e.state = ABORTED;
                e.decidedAt = index;
            }
        }
    }

    /** A bounded read's look-ahead reached the end: open transactions were not committed when the job started. */
    void closeAtEnd() {
        closedAtEnd = true;
    }

    /** The state of {@code id}; {@code -1} when the look-ahead has not seen it yet. */
    byte state(TxnId id) {
        Entry e = entries.get(id);
        if (e == null) {
            return -1;
        }
        return e.state == OPEN && closedAtEnd ? ABORTED : e.state;
    }

    /** The delivery passed the marker at {@code index}: forgets the transactions it decided. */
    void forget(long index) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().decidedAt == index) {
                it.remove();
            }
        }
    }

    /** How many transactions are tracked (for tests). */
    int size() {
        return entries.size();
    }
}
