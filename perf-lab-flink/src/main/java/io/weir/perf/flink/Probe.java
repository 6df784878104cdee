package io.weir.perf.flink;

import org.HdrHistogram.Recorder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one benchmark run measures, shared by the source readers, the sinks and {@link FlinkBenchMain} in the one
 * JVM of the local MiniCluster (Flink runs the job's classes from the application class path there, so these
 * statics are the same for every task). {@link #start} resets it before each run.
 *
 * <p>Counters have one writer each (a reader's or a sink writer's {@link AtomicLong} cell, published with
 * {@code lazySet}); the latency {@link Recorder} takes values from any thread without waiting. The event clock
 * ({@link #intendedNanos}) is anchored once, by the first reader that starts emitting.
 *
 * <h2>Thread safety</h2>
 * Safe for the task threads and one monitoring thread. Not for two runs at once.
 */
public final class Probe {
    /** Readers in latency mode start at the anchor, which is this long after the first reader is ready. */
    static final long START_GRACE_NANOS = 100_000_000L;
    private static volatile Run run;

    private Probe() {
    }

    /**
     * The settings and counters of one run.
     *
     * @param events        events in all
     * @param rate          events per second, 0 for as fast as possible
     * @param nanosPerEvent {@code 1e9 / rate}, 0 when unpaced
     * @param watermarks    the first index of each subtask's stream whose timestamp reaches each millisecond, or
     *                      {@code null} when latency is not measured
     */
    record Run(long events, long rate, double nanosPerEvent, WatermarkIndex watermarks, AtomicLong anchor,
               AtomicLong firstEmission, AtomicLong lastActivity, List<AtomicLong> emitted, List<AtomicLong> received,
               Recorder recorder, long warmupEvents, Recorder discarded) {
        /**
         * The recorder for a result closed by event {@code index}: {@link #discarded} within the warm-up (results
         * closed by the first {@code warmupEvents} events are not measured, as in Weir's harness), else
         * {@link #recorder}; chosen without a branch, so that the end of the warm-up compiles nothing new.
         */
        Recorder recorderFor(long index) {
            return ((~(index - warmupEvents)) >>> 63) == 1 ? recorder : discarded;
        }
    }

    /** Resets everything for a run of {@code events} events at {@code rate} events/s (0: unpaced). */
    static void start(long events, long rate, WatermarkIndex watermarks) {
        start(events, rate, watermarks, 0);
    }

    /** As {@link #start(long, long, WatermarkIndex)}; results closed by the first {@code warmupEvents} events are not measured. */
    static void start(long events, long rate, WatermarkIndex watermarks, long warmupEvents) {
        run = new Run(events, rate, rate > 0 ? 1e9 / rate : 0, watermarks, new AtomicLong(Long.MIN_VALUE),
                new AtomicLong(Long.MIN_VALUE), new AtomicLong(Long.MIN_VALUE), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>(), new Recorder(3_600_000_000_000L, 3), Math.max(0, warmupEvents),
                new Recorder(3_600_000_000_000L, 3));
    }

    /** The current run; fails clearly if none was started (a Flink job built outside {@link FlinkBenchMain}). */
    static Run run() {
        Run r = run;
        if (r == null) {
            throw new IllegalStateException("no benchmark run: Probe.start must be called before the job runs");
        }
        return r;
    }

    /** The anchor of the event clock, set by the first caller: now, plus a grace period when paced. */
    static long anchor() {
        Run r = run();
        long a = r.anchor().get();
        if (a != Long.MIN_VALUE) {
            return a;
        }
        long proposed = System.nanoTime() + (r.rate() > 0 ? START_GRACE_NANOS : 0);
        return r.anchor().compareAndSet(Long.MIN_VALUE, proposed) ? proposed : r.anchor().get();
    }

    /** When event {@code index} is due at the run's rate: the anchor plus {@code index / rate}. */
    static long intendedNanos(Run r, long anchor, long index) {
        return anchor + (long) (index * r.nanosPerEvent());
    }

    /** A new counter cell of emitted events, one per reader. */
    static AtomicLong emittedCell() {
        var cell = new AtomicLong();
        run().emitted().add(cell);
        return cell;
    }

    /** A new counter cell of results seen, one per sink writer. */
    static AtomicLong receivedCell() {
        var cell = new AtomicLong();
        run().received().add(cell);
        return cell;
    }

    static long sum(List<AtomicLong> cells) {
        long total = 0;
        for (AtomicLong cell : cells) {
            total += cell.get();
        }
        return total;
    }

    /** Records that something was emitted or received at {@code nanos}: the run lasts until the latest such time. */
    static void activity(Run r, long nanos) {
        AtomicLong last = r.lastActivity();
        long seen = last.get();
        while (nanos > seen && !last.compareAndSet(seen, nanos)) {
            seen = last.get();
        }
    }

    /** Records the first emission time (once). */
    static void firstEmission(Run r, long nanos) {
        r.firstEmission().compareAndSet(Long.MIN_VALUE, nanos);
    }

    /** A table of {@code parallelism} rows of {@code length} entries, all "not reached". */
    static AtomicLongArray[] table(int parallelism, int length) {
        var rows = new AtomicLongArray[parallelism];
        for (int k = 0; k < parallelism; k++) {
            rows[k] = new AtomicLongArray(length);
            for (int m = 0; m < length; m++) {
                rows[k].lazySet(m, -1);
            }
        }
        return rows;
    }
}
