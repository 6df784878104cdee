package io.weir.api.connector;

import io.weir.api.annotation.Stable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects every record it receives, from all subtasks, for tests and small bounded jobs. Read
 * {@link #results()} after the job has finished (or at any time for a snapshot of what arrived).
 * Records of one subtask keep their order; records of different subtasks interleave.
 *
 * <h2>Thread safety</h2>
 * {@link #add} is called by sink subtasks concurrently (lock-free); {@link #results()} from any thread.
 *
 * @param <T> record type
 */
@Stable
public final class CollectSink<T> implements Sink<T> {
    private final ConcurrentLinkedQueue<T> records = new ConcurrentLinkedQueue<>();

    /** Called by the runtime for each record. */
    public void add(T record) {
        records.add(record);
    }

    /** A copy of the records received so far. */
    public List<T> results() {
        return new ArrayList<>(records);
    }

    /** Forgets every record, so that the sink can be reused for another run. */
    public void clear() {
        records.clear();
    }
}
