package io.weir.perf.checkpoint;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency of one phase of a run: every interval taken from the sink's {@link Recorder} while the phase
 * lasts is added to one histogram, and the maximum of each interval is kept as a timeline. Collections
 * (count and accumulated time, over all collectors) during the phase are counted too.
 *
 * <h2>Thread safety</h2>
 * Used by the harness thread only.
 */
final class LatencyPhase {
    private final String name;
    private final Histogram all = new Histogram(3);
    private final List<String> timeline = new ArrayList<>();
    private Histogram interval;
    private long startNanos;
    private long endNanos;
    private long gcCount;
    private long gcMillis;

    LatencyPhase(String name) {
        this.name = name;
    }

    /** Starts the phase: what the recorder holds now belongs to the phase before. */
    void start(Recorder recorder) {
        interval = recorder.getIntervalHistogram(interval);
        startNanos = System.nanoTime();
        gcCount = -gcCount();
        gcMillis = -gcMillis();
    }

    /** Takes the recorder's interval into this phase; {@code mark} is appended to its timeline entry. */
    void sample(Recorder recorder, String mark) {
        interval = recorder.getIntervalHistogram(interval);
        all.add(interval);
        timeline.add(String.format(Locale.ROOT, "%.1f%s", interval.getMaxValue() / 1e6, mark));
        endNanos = System.nanoTime();
    }

    /** Ends the phase (after its last {@link #sample}). */
    void end() {
        gcCount += gcCount();
        gcMillis += gcMillis();
    }

    String name() {
        return name;
    }

    Histogram histogram() {
        return all;
    }

    /** One line: count, achieved rate, p50/p90/p99/p99.9/max in milliseconds, collections. */
    String summary() {
        double seconds = (endNanos - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%-14s %9d rec (%6.0f rec/s)  p50 %7.3f  p90 %7.3f  p99 %7.3f  p99.9 %7.3f"
                        + "  max %7.3f ms  (gc: %d, %d ms)", name, all.getTotalCount(),
                all.getTotalCount() / Math.max(seconds, 1e-9), ms(all.getValueAtPercentile(50)),
                ms(all.getValueAtPercentile(90)), ms(all.getValueAtPercentile(99)), ms(all.getValueAtPercentile(99.9)),
                ms(all.getMaxValue()), gcCount, gcMillis);
    }

    /** The maximum latency (ms) of each sampled interval, in order. */
    String timeline() {
        return String.join(" ", timeline);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Collections so far, over all collectors. */
    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Accumulated collection time so far (ms), over all collectors. */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
