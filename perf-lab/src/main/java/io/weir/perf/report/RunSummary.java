package io.weir.perf.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * {@code summary.json} of a run folder, as the run-folder contract ({@code docs/bench-run-format.md}) defines it:
 * written by Weir's harness and by the Flink runner alike. Absent (null) fields are left out of the JSON; unknown
 * fields are ignored when reading, so either side may add fields.
 *
 * @param engine                 {@code weir} or {@code flink}
 * @param engineVersion          the engine's version
 * @param workload               q0, q1, q2, q5, q7, q8, session, tumbling-count
 * @param mode                   {@code throughput} or {@code latency}
 * @param events                 events generated
 * @param targetRate             events per second, 0 = as fast as possible
 * @param parallelism            parallelism of the job
 * @param config                 the engine's settings, as text
 * @param machine                the machine
 * @param jvm                    the JVM that ran the engine
 * @param startedAt              ISO-8601 start time
 * @param elapsedNanos           wall time of the run
 * @param eventsPerSecond        events / elapsed time
 * @param eventsPerSecondPerCore events / process CPU seconds
 * @param latencyNanos           latency percentiles (latency mode), else null
 * @param keptUpFraction         latency mode: share of 1-second intervals that kept up with the rate, else null
 * @param notes                  free text
 * @param sinkRecords            results the sink saw (Weir's harness; may be null)
 * @param cpuSeconds             process CPU time of the run (may be null)
 * @param loadAverage            the machine's 1-minute load average at the start and the end (may be null)
 * @param gc                     garbage collections during the run: count and milliseconds (may be null)
 * @param hiccupNanos            latency mode, Weir's harness: the platform's hiccups in the measured seconds, by
 *                               jHiccup's method (a thread parking 1 ms at a time), as percentiles (may be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunSummary(String engine, String engineVersion, String workload, String mode, long events, long targetRate,
                         int parallelism, Map<String, String> config, Machine machine, Jvm jvm, String startedAt,
                         long elapsedNanos, double eventsPerSecond, double eventsPerSecondPerCore, Latency latencyNanos,
                         Double keptUpFraction, String notes, Long sinkRecords, Double cpuSeconds, List<Double> loadAverage,
                         Map<String, Long> gc, Latency hiccupNanos) {

    /** A summary without hiccup measurements (throughput runs, the Flink runner's). */
    public RunSummary(String engine, String engineVersion, String workload, String mode, long events, long targetRate,
                      int parallelism, Map<String, String> config, Machine machine, Jvm jvm, String startedAt,
                      long elapsedNanos, double eventsPerSecond, double eventsPerSecondPerCore, Latency latencyNanos,
                      Double keptUpFraction, String notes, Long sinkRecords, Double cpuSeconds, List<Double> loadAverage,
                      Map<String, Long> gc) {
        this(engine, engineVersion, workload, mode, events, targetRate, parallelism, config, machine, jvm, startedAt,
                elapsedNanos, eventsPerSecond, eventsPerSecondPerCore, latencyNanos, keptUpFraction, notes, sinkRecords,
                cpuSeconds, loadAverage, gc, null);
    }

    /**
     * The machine a run ran on.
     *
     * @param cores       available processors
     * @param os          operating system name, version and architecture
     * @param memoryBytes physical memory
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Machine(int cores, String os, long memoryBytes) {
    }

    /**
     * The JVM of a run.
     *
     * @param version {@code java.version}
     * @param vendor  {@code java.vendor}
     * @param args    the JVM's input arguments
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jvm(String version, String vendor, List<String> args) {
    }

    /** Latency percentiles in nanoseconds, and the number of results measured. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Latency(long p50, long p90, long p99, long p999, long p9999, long max, double mean, long count) {
    }

    /** A short label: engine, workload, mode, parallelism and the settings that usually differ between runs. */
    public String label() {
        StringBuilder b = new StringBuilder(engine).append(' ').append(workload).append(' ').append(mode);
        if (targetRate > 0) {
            b.append(' ').append(rateText(targetRate)).append("/s");
        }
        b.append(" p=").append(parallelism);
        if (config != null) {
            for (String key : List.of("scheduler", "scheduler.idle-strategy", "exchange.mode", "state.backend")) {
                if (config.containsKey(key)) {
                    b.append(' ').append(config.get(key));
                }
            }
            // Weir's key, else the Flink runner's
            String interval = config.getOrDefault("checkpoint.interval-ms", config.get("checkpointIntervalMs"));
            if (interval != null && !interval.equals("0")) {
                b.append(" checkpoints ").append(interval).append(" ms");
            }
        }
        return b.toString();
    }

    /** {@code 1000000} as {@code 1M}, {@code 250000} as {@code 250k}. */
    static String rateText(long rate) {
        if (rate >= 1_000_000 && rate % 100_000 == 0) {
            return (rate % 1_000_000 == 0 ? Long.toString(rate / 1_000_000) : Double.toString(rate / 1e6)) + "M";
        }
        if (rate >= 1_000 && rate % 1_000 == 0) {
            return rate / 1_000 + "k";
        }
        return Long.toString(rate);
    }
}
