package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The layout of the documents the chronicle connector writes into a queue: one record, or one marker of the
 * exactly-once protocol, per Chronicle document. Multi-byte fields are in Chronicle Bytes' native order
 * (little-endian on x86-64 and AArch64); the payload is a {@link RecordFormat}'s bytes and runs to the end of
 * the document.
 *
 * <pre>
 * DATA        0      1           9
 *             +------+-----------+------------------+
 *             | kind | timestamp | payload ...      |   a record outside any transaction (at-least-once, tools)
 *             +------+-----------+------------------+
 *
 * TXN_DATA    0      1      9         13            21    29          37
 *             +------+------+---------+-------------+-----+-----------+-------------+
 *             | kind | sink | subtask | incarnation | txn | timestamp | payload ... |   a record of transaction
 *             +------+------+---------+-------------+-----+-----------+-------------+   (sink, subtask, incarnation, txn)
 *
 * PREPARE     | kind | sink | subtask | incarnation | txn | checkpoint |   the transaction is complete and belongs to
 * COMMIT      | kind | sink | subtask | incarnation | txn | checkpoint |   checkpoint n / it is visible / it is not
 * ABORT       | kind | sink | subtask | incarnation | txn | checkpoint |   (ABORT's checkpoint is NO_CHECKPOINT)
 *             0      1      9         13            21    29           37
 *
 * FENCE       0      1      9               13             17                   25
 *             +------+------+---------------+--------------+--------------------+
 *             | kind | sink | first subtask | last subtask | restored checkpoint |   a new writer incarnation
 *             +------+------+---------------+--------------+--------------------+   starts: aborts leftovers
 * </pre>
 *
 * <ul>
 *   <li>{@code sink}: the first 8 bytes of the SHA-256 of the sink id ({@link ChronicleSink.Builder#sinkId}).</li>
 *   <li>{@code incarnation}: the queue index of the FENCE document the writer wrote when it started, so unique
 *       per writer run.</li>
 *   <li>{@code txn}: the writer's transaction counter, from 0 in each incarnation.</li>
 *   <li>{@code timestamp}: the record's event time in epoch milliseconds, {@link Long#MIN_VALUE} for none.</li>
 *   <li>FENCE aborts every transaction of {@code sink} with a subtask in {@code [first, last]} that is still
 *       undecided at the fence and is either not prepared or prepared for a checkpoint above
 *       {@code restored checkpoint} ({@link Long#MIN_VALUE} on a fresh start: every undecided one).</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Constants and stateless functions.
 */
@Evolving
public final class DocumentDescriptor {
    /** A record outside any transaction. */
    public static final byte DATA = 1;
    /** A record of a transaction. */
    public static final byte TXN_DATA = 2;
    /** A transaction is pre-committed (complete, durable) for a checkpoint. */
    public static final byte PREPARE = 3;
    /** A transaction is committed: its records are visible to read-committed readers. */
    public static final byte COMMIT = 4;
    /** A transaction is aborted: read-committed readers skip its records. */
    public static final byte ABORT = 5;
    /** A writer incarnation starts: undecided leftovers of earlier incarnations are aborted. */
    public static final byte FENCE = 6;

    /** The checkpoint field of an ABORT, and the prepared checkpoint of a transaction not prepared. */
    public static final long NO_CHECKPOINT = Long.MIN_VALUE;
    /** The timestamp of a record without one. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** Offset of the kind byte. */
    public static final int KIND_OFFSET = 0;
    /** Offset of the timestamp of a DATA document. */
    public static final int DATA_TIMESTAMP_OFFSET = 1;
    /** Length of the header of a DATA document. */
    public static final int DATA_HEADER_LENGTH = 9;
    /** Offset of the transaction identity (sink, subtask, incarnation, txn) in TXN_DATA and the markers. */
    public static final int TXN_ID_OFFSET = 1;
    /** Length of a transaction identity. */
    public static final int TXN_ID_LENGTH = 28;
    /** Offset of the timestamp of a TXN_DATA document, and of the checkpoint of a marker. */
    public static final int TXN_TAIL_OFFSET = TXN_ID_OFFSET + TXN_ID_LENGTH;
    /** Length of the header of a TXN_DATA document, and of a PREPARE, COMMIT or ABORT marker. */
    public static final int TXN_HEADER_LENGTH = TXN_TAIL_OFFSET + 8;
    /** Length of a FENCE document. */
    public static final int FENCE_LENGTH = 25;

    private DocumentDescriptor() {
    }

    /** Writes the header of a DATA document. */
    static void writeData(Bytes<?> out, long timestamp) {
        out.writeByte(DATA);
        out.writeLong(timestamp);
    }

    /** Writes a TXN_DATA header, a PREPARE, a COMMIT or an ABORT: {@code tail} is the timestamp or the checkpoint. */
    static void writeTxn(Bytes<?> out, byte kind, TxnId id, long tail) {
        out.writeByte(kind);
        out.writeLong(id.sink());
        out.writeInt(id.subtask());
        out.writeLong(id.incarnation());
        out.writeLong(id.txn());
        out.writeLong(tail);
    }

    /** Writes a FENCE. */
    static void writeFence(Bytes<?> out, long sink, int firstSubtask, int lastSubtask, long restoredCheckpoint) {
        out.writeByte(FENCE);
        out.writeLong(sink);
        out.writeInt(firstSubtask);
        out.writeInt(lastSubtask);
        out.writeLong(restoredCheckpoint);
    }

    /** The name of a kind, for messages. */
    static String kindName(int kind) {
        return switch (kind) {
            case DATA -> "DATA";
            case TXN_DATA -> "TXN_DATA";
            case PREPARE -> "PREPARE";
            case COMMIT -> "COMMIT";
            case ABORT -> "ABORT";
            case FENCE -> "FENCE";
            default -> "unknown kind " + kind;
        };
    }
}
