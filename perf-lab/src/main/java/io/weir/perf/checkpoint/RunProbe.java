package io.weir.perf.checkpoint;

import org.HdrHistogram.Recorder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the harness learns from inside one job: the latency of paced records ({@link #latency}, in
 * nanoseconds, written by the sink), how many fill records the keyed function processed, and, for recovery
 * runs, when the keyed function was opened again and when it processed its first record.
 *
 * <p>User functions are copied per subtask by Java serialization, so they find their probe by id
 * ({@link #of}) instead of holding it.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: written by task threads, read by the harness thread.
 */
final class RunProbe {
    private static final ConcurrentHashMap<Long, RunProbe> RUNS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    final long id;
    /** Latency of paced records, now minus intended emission time, in nanoseconds (any number of writers). */
    final Recorder latency = new Recorder(3);
    private final LongAdder filled = new LongAdder();
    private volatile boolean recovering;
    private volatile long openedNanos;
    private volatile long firstRecordNanos;

    private RunProbe(long id) {
        this.id = id;
    }

    /** A new probe, registered until {@link #release()}. */
    static RunProbe create() {
        RunProbe probe = new RunProbe(IDS.incrementAndGet());
        RUNS.put(probe.id, probe);
        return probe;
    }

    /** The registered probe {@code id}. */
    static RunProbe of(long id) {
        RunProbe probe = RUNS.get(id);
        if (probe == null) {
            throw new IllegalStateException("no run probe " + id + " (released already?)");
        }
        return probe;
    }

    void release() {
        RUNS.remove(id);
    }

    /** From now on, the next {@link #opened} and first record after it are those of a recovered job. */
    void expectRecovery() {
        openedNanos = 0;
        firstRecordNanos = 0;
        recovering = true;
    }

    /** Called by the keyed function at the end of {@code open} (its state is restored and decoded then). */
    boolean opened() {
        if (recovering && openedNanos == 0) {
            openedNanos = System.nanoTime();
            return true;
        }
        return false;
    }

    /** Called by a keyed function opened during a recovery, at its first record. */
    void firstRecord() {
        if (firstRecordNanos == 0) {
            firstRecordNanos = System.nanoTime();
        }
    }

    void addFilled(long n) {
        filled.add(n);
    }

    long filled() {
        return filled.sum();
    }

    /** {@code System.nanoTime()} when the recovered function was opened, or 0. */
    long openedNanos() {
        return openedNanos;
    }

    /** {@code System.nanoTime()} of the first record the recovered function processed, or 0. */
    long firstRecordNanos() {
        return firstRecordNanos;
    }
}
