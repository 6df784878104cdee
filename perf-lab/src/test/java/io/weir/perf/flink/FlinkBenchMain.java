package io.weir.perf.flink;

import io.weir.perf.report.RunData;
import io.weir.perf.report.RunFolder;
import io.weir.perf.report.RunSummary;
import io.weir.perf.report.ThroughputRow;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the Flink runner, with its main class's name, for the launcher test: checks the command line of
 * the contract and writes a run folder with {@code engine = flink} whose config records the checkpoint interval and
 * event time it was given, in the real runner's keys.
 */
public final class FlinkBenchMain {
    private FlinkBenchMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--workload", "--events", "--rate", "--parallelism", "--out", "--seed")) {
            if (!options.containsKey(required)) {
                System.err.println("missing " + required);
                System.exit(2);
            }
        }
        long events = Long.parseLong(options.get("--events"));
        long rate = Long.parseLong(options.get("--rate"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("seed", options.get("--seed"));
        config.put("checkpointIntervalMs", options.getOrDefault("--checkpoint-interval-ms", "0"));
        // the real runner's form (docs/benchmarks/flink.md), with its defaults when an option is not given
        config.put("eventTime", "start " + options.getOrDefault("--start-millis", "1767225600000") + " ms, "
                + options.getOrDefault("--event-interval-ns", rate > 0 ? Long.toString(1_000_000_000L / rate) : "1000")
                + " ns per event, out-of-orderness " + options.getOrDefault("--out-of-orderness-ms", "0")
                + " ms, late fraction " + Double.parseDouble(options.getOrDefault("--late-fraction", "0")));
        RunSummary summary = new RunSummary("flink", "stand-in", options.get("--workload"), rate > 0 ? "latency" : "throughput",
                events, rate, Integer.parseInt(options.get("--parallelism")), config,
                new RunSummary.Machine(1, "test", 1), new RunSummary.Jvm("17", "test", List.of()), "2026-01-01T00:00:00Z",
                1_000_000_000L, events, events, null, null, "", null, null, null, null);
        RunFolder.write(Path.of(options.get("--out")), new RunData(summary, new Histogram(3), List.of(),
                List.of(new ThroughputRow(0, events, events))));
    }
}
