package io.weir.proptest.job;

import io.weir.proptest.pipeline.Ev;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a reader of the {@link TransactionalSink} sees: the committed transactions, each once, by id.
 * Stores are found by name ({@link #named}) so that the sink works however the runtime copies it.
 * A second commit of an id is idempotent when it carries the same records; one with other records is an
 * anomaly ({@link #anomalies()}), since a transaction's content is fixed at pre-commit.
 *
 * <h2>Thread safety</h2>
 * Thread-safe (concurrent maps and queues): committers of every subtask commit concurrently.
 */
public final class CommitStore {
    private static final Map<String, CommitStore> STORES = new ConcurrentHashMap<>();

    /** One committed transaction: subtask {@code subtask}'s records up to checkpoint {@code checkpointId}. */
    public record Txn(String id, long checkpointId, int subtask, List<Ev> records) {
    }

    private final Map<String, Txn> committed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();

    private CommitStore() {
    }

    /** The store called {@code name}, created on first use. */
    public static CommitStore named(String name) {
        return STORES.computeIfAbsent(name, n -> new CommitStore());
    }

    /** Forgets the store called {@code name}. */
    public static void drop(String name) {
        STORES.remove(name);
    }

    /** Makes {@code txn} visible, once. */
    void commit(Txn txn) {
        Txn earlier = committed.putIfAbsent(txn.id(), txn);
        if (earlier != null && !sorted(earlier.records()).equals(sorted(txn.records()))) {
            anomalies.add("transaction " + txn.id() + " committed twice with different records: "
                    + earlier.records().size() + " then " + txn.records().size());
        }
    }

    private static List<String> sorted(List<Ev> records) {
        return records.stream().map(Ev::toString).sorted().toList();
    }

    /**
     * Every committed record, transactions ordered by checkpoint then subtask: the records of one key are
     * in the order the job emitted them (a key lives in one subtask between two checkpoints).
     */
    public List<Ev> output() {
        List<Txn> txns = new ArrayList<>(committed.values());
        txns.sort(Comparator.comparingLong(Txn::checkpointId).thenComparingInt(Txn::subtask));
        List<Ev> all = new ArrayList<>();
        for (Txn t : txns) {
            all.addAll(t.records());
        }
        return all;
    }

    /** The number of committed transactions. */
    public int transactions() {
        return committed.size();
    }

    /** Problems seen while committing (empty when all is well). */
    public List<String> anomalies() {
        return List.copyOf(anomalies);
    }
}
