package io.weir.perf.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A run folder read back, with what the HTML report plots.
 *
 * @param folder      where it was read from
 * @param summary     {@code summary.json}
 * @param percentiles the latency distribution from {@code latency.hgrm} (empty: no latency measured)
 * @param throughput  {@code throughput.csv}
 */
public record LoadedRun(Path folder, RunSummary summary, List<PercentilePoint> percentiles, List<ThroughputRow> throughput) {
    public LoadedRun {
        percentiles = List.copyOf(percentiles);
        throughput = List.copyOf(throughput);
    }
}
