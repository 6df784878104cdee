package io.weir.perf.flink;

import io.weir.connectors.datagen.EventTime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link FlinkBenchMain}, the same options as {@code weir bench} where they mean the same.
 *
 * @param workload           the Nexmark workload
 * @param events             events to generate, {@code >= 1}
 * @param rate               events per second over all source subtasks; 0 for as fast as possible (throughput mode)
 * @param parallelism        parallelism of every operator
 * @param checkpointInterval checkpoint interval, ms; 0 for no checkpoints
 * @param out                the run folder to write
 * @param seed               the generator's seed
 * @param startMillis        event time of event 0
 * @param eventIntervalNanos event time between consecutive events
 * @param outOfOrdernessMs   the generator's disorder and the watermark's bound
 * @param lateFraction       share of late events
 * @param bufferTimeoutMs    Flink's network buffer timeout, ms
 * @param watermarkIntervalMs Flink's periodic watermark interval, ms
 * @param q5Plan             how q5 counts bids per sliding window
 * @param warmup             throughput mode: events of a warm-up job run first in the same JVM (so that its JIT
 *                           is warm, as Weir's harness warms up its own), not measured; latency mode: results
 *                           closed by the first {@code warmup} events are not measured and the seconds before they
 *                           are due not judged (as Weir's harness); 0 for none
 */
public record BenchOptions(Workload workload, long events, long rate, int parallelism, long checkpointInterval, Path out,
                           long seed, long startMillis, long eventIntervalNanos, long outOfOrdernessMs,
                           double lateFraction, long bufferTimeoutMs, long watermarkIntervalMs,
                           NexmarkQueries.Q5Plan q5Plan, long warmup) {
    /** Event time of event 0 by default: 2026-01-01T00:00:00Z, as Weir's datagen source. */
    public static final long DEFAULT_START_MILLIS = 1_767_225_600_000L;
    /** Event time between events when unpaced: one million events per second of event time. */
    public static final long DEFAULT_THROUGHPUT_INTERVAL_NANOS = 1_000;
    /** Late events, when there are any, are at most this much later than the bound (Weir's datagen default). */
    public static final long LATE_DELAY_MS = 1_000;

    /** {@code true} at a fixed rate: latency is measured. */
    public boolean latencyMode() {
        return rate > 0;
    }

    /** The warm-up job's options: {@code warmup} events into {@code folder}, no warm-up of its own. */
    public BenchOptions warmupRun(Path folder) {
        return new BenchOptions(workload, warmup, rate, parallelism, checkpointInterval, folder, seed, startMillis,
                eventIntervalNanos, outOfOrdernessMs, lateFraction, bufferTimeoutMs, watermarkIntervalMs, q5Plan, 0);
    }

    /** The generator's event time. */
    public EventTime eventTime() {
        return new EventTime(startMillis, eventIntervalNanos, outOfOrdernessMs, lateFraction, LATE_DELAY_MS);
    }

    static final String USAGE = "usage: FlinkBenchMain --workload q0|q1|q2|q5|q7|q8|session|tumbling-count --events N"
            + " [--rate R (events/s, 0 = as fast as possible)] [--parallelism P] [--checkpoint-interval-ms C (0 = off)]"
            + " --out DIR [--seed S] [--start-millis T] [--event-interval-ns I (default 1e9/R, or 1000 unpaced)]"
            + " [--out-of-orderness-ms B] [--late-fraction F] [--buffer-timeout-ms T (default 1 paced, 100 unpaced)]"
            + " [--watermark-interval-ms W (default 1 paced, 200 unpaced)] [--q5-plan sliced|sliding-windows]"
            + " [--warmup N (throughput: events of an unmeasured warm-up job first; latency: results closed by the first"
            + " N events are not measured; default 0)]";

    /** Parses {@code args}; an {@link IllegalArgumentException} names the option at fault. */
    public static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, found '" + key + "'\n" + USAGE);
            }
            values.put(key.substring(2), args[++i]);
        }
        Workload workload = Workload.of(required(values, "workload"));
        required(values, "events");
        long events = positive(values, "events", number(values, "events", 0));
        long rate = number(values, "rate", 0);
        int parallelism = (int) positive(values, "parallelism", number(values, "parallelism", 1));
        long checkpoint = number(values, "checkpoint-interval-ms", 0);
        Path out = Path.of(required(values, "out"));
        long seed = number(values, "seed", 0);
        long start = number(values, "start-millis", DEFAULT_START_MILLIS);
        long interval = number(values, "event-interval-ns", rate > 0 ? Math.max(1, 1_000_000_000L / rate)
                : DEFAULT_THROUGHPUT_INTERVAL_NANOS);
        long bound = number(values, "out-of-orderness-ms", 0);
        double late = Double.parseDouble(values.getOrDefault("late-fraction", "0"));
        long bufferTimeout = number(values, "buffer-timeout-ms", rate > 0 ? 1 : 100);
        long watermarkInterval = positive(values, "watermark-interval-ms", number(values, "watermark-interval-ms",
                rate > 0 ? 1 : 200));
        long warmup = number(values, "warmup", 0);
        String plan = values.getOrDefault("q5-plan", "sliced");
        NexmarkQueries.Q5Plan q5Plan;
        if (plan.equals("sliced")) {
            q5Plan = NexmarkQueries.Q5Plan.SLICED;
        } else if (plan.equals("sliding-windows")) {
            q5Plan = NexmarkQueries.Q5Plan.SLIDING_WINDOWS;
        } else {
            throw new IllegalArgumentException("--q5-plan: expected sliced or sliding-windows, not '" + plan + "'");
        }
        if (rate < 0 || checkpoint < 0 || bound < 0 || interval < 0 || bufferTimeout < 0 || warmup < 0) {
            throw new IllegalArgumentException("--rate, --checkpoint-interval-ms, --out-of-orderness-ms,"
                    + " --event-interval-ns, --buffer-timeout-ms and --warmup must be >= 0");
        }
        values.keySet().removeAll(java.util.Set.of("workload", "events", "rate", "parallelism", "checkpoint-interval-ms",
                "out", "seed", "start-millis", "event-interval-ns", "out-of-orderness-ms", "late-fraction",
                "buffer-timeout-ms", "watermark-interval-ms", "q5-plan", "warmup"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) --" + String.join(", --", values.keySet()) + "\n" + USAGE);
        }
        var options = new BenchOptions(workload, events, rate, parallelism, checkpoint, out, seed, start, interval, bound,
                late, bufferTimeout, watermarkInterval, q5Plan, warmup);
        options.eventTime();
        return options;
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key + "\n" + USAGE);
        }
        return value;
    }

    private static long number(Map<String, String> values, String key, long fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": not a whole number: '" + value + "'", e);
        }
    }

    private static long positive(Map<String, String> values, String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + key + " must be >= 1, not " + value);
        }
        return value;
    }
}
