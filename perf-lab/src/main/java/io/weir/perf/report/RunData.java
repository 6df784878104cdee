package io.weir.perf.report;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run folder holds, in memory: the summary, the whole latency histogram, the per-second interval
 * histograms (each with its start and end time stamps set, epoch milliseconds) and the per-second throughput.
 *
 * @param summary    the summary
 * @param latency    all latencies measured, nanoseconds (empty in throughput mode)
 * @param intervals  one histogram per second of the run, nanoseconds (may be empty)
 * @param throughput one row per second
 * @param hiccups    the platform's hiccups (a latency run's {@code HiccupMeter}), one histogram per second of the run,
 *                   nanoseconds, time stamps as {@code intervals}' (empty when not measured)
 */
public record RunData(RunSummary summary, Histogram latency, List<Histogram> intervals, List<ThroughputRow> throughput,
                      List<Histogram> hiccups) {
    public RunData {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(latency, "latency");
        intervals = List.copyOf(intervals);
        throughput = List.copyOf(throughput);
        hiccups = List.copyOf(hiccups);
    }

    /** A run without hiccup measurements (throughput runs, the Flink runner's). */
    public RunData(RunSummary summary, Histogram latency, List<Histogram> intervals, List<ThroughputRow> throughput) {
        this(summary, latency, intervals, throughput, List.of());
    }
}
