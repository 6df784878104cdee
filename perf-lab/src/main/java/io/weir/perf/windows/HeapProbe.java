package io.weir.perf.windows;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the heap that window state occupies: the live heap (used heap right after a full,
 * stop-the-world {@code System.gc()}) at the peak of state, minus the live heap before the job.
 *
 * <p>The peak is a known point of the input: the generator ({@link KeyedEventSource}) calls
 * {@link #probe} when it reaches the last millisecond of a window, when that window holds every key
 * and the windows before it have fired. {@code System.gc()} stops every thread, so the job stands still
 * while the heap is measured; what is in flight (a channel's few batches) is counted too, and is small
 * next to a million keys. The forced collection takes hundreds of milliseconds, so a probed run is a
 * run of its own, never a timed one.
 *
 * <p>Also counts collections during timed runs ({@link GcCounter}), as a hint of allocation pressure.
 *
 * <h2>Thread safety</h2>
 * {@link #probe} may be called from several source threads; the first call measures.
 */
final class HeapProbe {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final long baseline;
    private volatile long atPeak = -1;

    /** Measures the baseline (live heap now); create it just before the job starts. */
    HeapProbe() {
        this.baseline = liveHeap();
    }

    /** The live heap in bytes: used heap right after a full collection. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Called by a source reader at the peak of state; the first call measures. */
    void probe(long event) {
        if (taken.compareAndSet(false, true)) {
            atPeak = liveHeap();
        }
    }

    /** The live heap before the job. */
    long baseline() {
        return baseline;
    }

    /** The live heap at the peak, or -1 if the probe was not reached. */
    long atPeak() {
        return atPeak;
    }

    /** The heap that the job's state (and in-flight records) used at the peak, or -1. */
    long stateBytes() {
        return atPeak < 0 ? -1 : atPeak - baseline;
    }

    /** Collections and their accumulated time since it was created, over all collectors. */
    static final class GcCounter {
        private final long count0 = count();
        private final long millis0 = millis();

        long collections() {
            return count() - count0;
        }

        long gcMillis() {
            return millis() - millis0;
        }

        private static long count() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long millis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }
}
