package io.weir.connectors.chronicle;

/**
 * The identity of one transaction of the chronicle sink, as written in its documents (see
 * {@link DocumentDescriptor}).
 *
 * @param sink        hash of the sink id
 * @param subtask     the writing subtask's index
 * @param incarnation the queue index of the FENCE the writer wrote when it started
 * @param txn         the writer's transaction counter
 */
record TxnId(long sink, int subtask, long incarnation, long txn) {

    /** Reads the identity at the read position of {@code in} (after the kind byte), advancing it. */
    static TxnId read(net.openhft.chronicle.bytes.Bytes<?> in) {
        return new TxnId(in.readLong(), in.readInt(), in.readLong(), in.readLong());
    }

    @Override
    public String toString() {
        return "txn " + txn + " of subtask " + subtask + " (sink " + Long.toHexString(sink) + ", incarnation 0x"
                + Long.toHexString(incarnation) + ")";
    }
}
