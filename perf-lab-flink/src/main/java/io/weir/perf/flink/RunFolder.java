package io.weir.perf.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code summary.json}, {@code latency.hgrm} and {@code throughput.csv} of a finished run, as the
 * run-folder contract says ({@code latency.hlog} is written while the run goes, by {@link RunMonitor}).
 */
final class RunFolder {
    private RunFolder() {
    }

    static void write(BenchOptions options, Map<String, String> config, Instant startedAt, FlinkBenchMain.RunResult result,
                      RunMonitor monitor) throws IOException {
        Histogram latency = monitor.total();
        try (var hgrm = new PrintStream(Files.newOutputStream(options.out().resolve("latency.hgrm")), false,
                StandardCharsets.UTF_8)) {
            latency.outputPercentileDistribution(hgrm, 1000.0);
        }
        var csv = new StringBuilder("second,events,sinkRecords\n");
        for (long[] row : monitor.rows()) {
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
        }
        Files.writeString(options.out().resolve("throughput.csv"), csv);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(options.out().resolve("summary.json").toFile(), summary(options, config, startedAt, result, latency));
    }

    static Map<String, Object> summary(BenchOptions options, Map<String, String> config, Instant startedAt,
                                       FlinkBenchMain.RunResult result, Histogram latency) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("engine", "flink");
        summary.put("engineVersion", FlinkBenchMain.flinkVersion());
        summary.put("workload", options.workload().id());
        summary.put("mode", options.latencyMode() ? "latency" : "throughput");
        summary.put("events", result.events());
        summary.put("targetRate", options.rate());
        summary.put("parallelism", options.parallelism());
        summary.put("config", config);
        summary.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "memoryBytes", os.getTotalMemorySize()));
        summary.put("jvm", Map.of("version", System.getProperty("java.version"), "vendor", System.getProperty("java.vendor"),
                "args", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        summary.put("startedAt", startedAt.toString());
        summary.put("elapsedNanos", result.elapsedNanos());
        summary.put("eventsPerSecond", result.eventsPerSecond());
        // per core used: events per CPU-second of the whole process (every Flink thread, the JIT, the GC)
        summary.put("eventsPerSecondPerCore", result.events() * 1e9 / Math.max(1, result.cpuNanos()));
        summary.put("coresUsed", result.coresUsed());
        summary.put("loadAverage", Map.of("atStart", result.loadAtStart(), "atEnd", os.getSystemLoadAverage()));
        summary.put("sinkRecords", result.results());
        if (options.latencyMode()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("p50", latency.getValueAtPercentile(50));
            l.put("p90", latency.getValueAtPercentile(90));
            l.put("p99", latency.getValueAtPercentile(99));
            l.put("p999", latency.getValueAtPercentile(99.9));
            l.put("p9999", latency.getValueAtPercentile(99.99));
            l.put("max", latency.getMaxValue());
            l.put("mean", latency.getMean());
            l.put("count", latency.getTotalCount());
            summary.put("latencyNanos", l);
            summary.put("keptUpFraction", result.keptUpFraction());
        }
        summary.put("notes", notes(options));
        return summary;
    }

    private static String notes(BenchOptions options) {
        return "Apache Flink " + FlinkBenchMain.flinkVersion() + " in a local MiniCluster (one JVM, " + options.parallelism()
                + " slot(s)), tuned: object reuse on, operator chaining, heap (hashmap) state backend, buffer timeout "
                + options.bufferTimeoutMs() + " ms, periodic watermarks every " + options.watermarkIntervalMs() + " ms. "
                + "Events from Weir's NexmarkGenerator (seed " + options.seed() + "), one stride split per source subtask. "
                + "events/s = events / (last event or result - first event), job deployment excluded; per core ="
                + " events per CPU-second of the process over the same span (all Flink threads, JIT, GC): on a machine"
                + " shared with other work (see loadAverage) the process may get less than a core, so compare per-core"
                + " figures too. "
                + (options.latencyMode()
                ? "Latency = sink nanoTime - intended emission time (anchor + index / rate) of the result's event, or for a"
                + " window result of the first event whose timestamp lets every source subtask's watermark pass the window;"
                + " a second counts as kept up if the sources were less than 10 ms behind schedule at its end."
                : "Throughput mode: no latency recorded.");
    }
}
