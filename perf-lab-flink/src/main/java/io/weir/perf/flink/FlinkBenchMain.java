package io.weir.perf.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one Nexmark workload on Apache Flink in a local MiniCluster and writes the run folder of the run-folder
 * contract ({@code summary.json} with engine "flink", {@code latency.hgrm}, {@code latency.hlog},
 * {@code throughput.csv}). Needs a JDK Flink supports (17); {@code weir bench --vs flink} starts it as
 * {@code <java17> @perf-lab-flink/target/flink-bench.argfile io.weir.perf.flink.FlinkBenchMain --workload q5 ...}.
 * Exit status: 0 done, 1 the job failed, 2 bad options.
 */
public final class FlinkBenchMain {

    private FlinkBenchMain() {
    }

    /** See {@link BenchOptions#USAGE}. */
    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("flink bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options, System.err);
        } catch (ExecutionException e) {
            System.err.println("flink bench: the Flink job failed: " + e.getCause());
            e.getCause().printStackTrace();
            System.exit(1);
        }
    }

    /** Runs {@code options} and writes its folder; progress lines go to {@code progress}. */
    public static RunResult run(BenchOptions options, PrintStream progress) throws Exception {
        if (!options.latencyMode() && options.warmup() > 0) {
            // an unmeasured job first, in this JVM, so that the measured one runs compiled code (Weir's harness
            // warms up the same way); its folder is thrown away
            Path folder = Files.createTempDirectory("weir-flink-warmup");
            try {
                progress.println("flink bench: warm-up, " + options.warmup() + " events");
                run(options.warmupRun(folder), progress);
            } finally {
                deleteRecursively(folder);
            }
        }
        Files.createDirectories(options.out());
        Instant startedAt = Instant.now();
        Probe.start(options.events(), options.rate(), options.latencyMode() ? watermarkIndex(options) : null,
                options.latencyMode() ? Math.min(options.warmup(), options.events()) : 0);
        Map<String, String> config = new LinkedHashMap<>();
        Path checkpoints = Files.createTempDirectory("weir-flink-checkpoints");
        try {
            return run(options, progress, config, checkpoints, startedAt);
        } finally {
            deleteRecursively(checkpoints);
        }
    }

    private static RunResult run(BenchOptions options, PrintStream progress, Map<String, String> config, Path checkpoints,
                                 Instant startedAt) throws Exception {
        StreamExecutionEnvironment env = environment(options, config, checkpoints);
        DataStream<GeneratedEvent> events = env.fromSource(new NexmarkSource(options.events(), options.seed(),
                options.eventTime()), watermarks(options), "nexmark source");
        sink(NexmarkQueries.build(options.workload(), events, options.q5Plan()));

        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        JobClient job = env.executeAsync("weir-bench flink " + options.workload().id());
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        RunMonitor monitor;
        try (var hlog = new PrintStream(Files.newOutputStream(options.out().resolve("latency.hlog")), false, "UTF-8")) {
            var writer = new HistogramLogWriter(hlog);
            writer.outputComment("flink " + options.workload().id() + ": latency in nanoseconds, one interval per second");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startedAt.toEpochMilli());
            writer.setBaseTime(startedAt.toEpochMilli());
            writer.outputLegend();
            monitor = new RunMonitor(options, writer, progress);
            monitorUntilDone(result, monitor);
        }
        result.get();
        long cpuNanos = processCpuNanos() - monitor.cpuAtAnchor();
        var run = Probe.run();
        long elapsed = Math.max(1, run.lastActivity().get() - run.firstEmission().get());
        var figures = new RunResult(Probe.sum(run.emitted()), Probe.sum(run.received()), elapsed, cpuNanos,
                monitor.keptUpFraction(), loadAtStart);
        RunFolder.write(options, config, startedAt, figures, monitor);
        return figures;
    }

    /**
     * The figures of a finished run.
     *
     * @param events         events emitted
     * @param results        results the sinks saw
     * @param elapsedNanos   from the first emitted event to the last event or result
     * @param cpuNanos       the process's CPU time over the run
     * @param keptUpFraction latency mode: the share of seconds at whose end the sources were on schedule
     * @param loadAtStart    the machine's load average when the run started
     */
    public record RunResult(long events, long results, long elapsedNanos, long cpuNanos, double keptUpFraction,
                            double loadAtStart) {
        /** Events per second from the first emission to the last event or result. */
        public double eventsPerSecond() {
            return events * 1e9 / elapsedNanos;
        }

        /** CPU cores the process used on average over the run (process CPU time / elapsed). */
        public double coresUsed() {
            return (double) cpuNanos / elapsedNanos;
        }
    }

    private static void monitorUntilDone(CompletableFuture<JobExecutionResult> result, RunMonitor monitor)
            throws InterruptedException {
        Probe.Run run = Probe.run();
        while (run.anchor().get() == Long.MIN_VALUE && !result.isDone()) {
            Thread.sleep(5);
        }
        long anchor = run.anchor().get();
        monitor.anchored(processCpuNanos());
        long next = anchor + 1_000_000_000L;
        while (!result.isDone()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    result.get(wait, TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    // a second has passed
                } catch (ExecutionException e) {
                    break;
                }
            }
            monitor.tick(System.nanoTime(), anchor, false);
            next += 1_000_000_000L;
        }
        monitor.tick(System.nanoTime(), anchor, true);
    }

    /** The local environment, with the settings written into {@code config} for the summary. */
    static StreamExecutionEnvironment environment(BenchOptions options, Map<String, String> config, Path checkpoints) {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, options.parallelism());
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.OPERATOR_CHAINING, true);
        conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(options.watermarkIntervalMs()));
        conf.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, true);
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(options.bufferTimeoutMs()));
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        // file storage, as Weir's: the jobmanager (in-memory) storage refuses state over 5 MB
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        if (options.checkpointInterval() > 0) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(options.checkpointInterval()));
        }
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), conf);

        config.put("cluster", "local MiniCluster (LocalStreamEnvironment), 1 task manager, "
                + options.parallelism() + " slot(s), one JVM");
        config.put("parallelism", Integer.toString(options.parallelism()));
        config.put("pipeline.object-reuse", "true");
        config.put("pipeline.operator-chaining", "true");
        config.put("execution.buffer-timeout.interval", options.bufferTimeoutMs() + " ms");
        config.put("pipeline.auto-watermark-interval", options.watermarkIntervalMs() + " ms");
        config.put("state.backend.type", "hashmap");
        config.put("execution.checkpointing.storage", "filesystem (a temporary local folder, deleted after the run)");
        config.put("checkpointIntervalMs", Long.toString(options.checkpointInterval()));
        config.put("checkpointing", options.checkpointInterval() > 0
                ? "exactly-once, aligned, every " + options.checkpointInterval() + " ms" : "off");
        config.put("restart-strategy.type", "none");
        config.put("memory", "Flink's local-execution defaults (managed memory unused by the hashmap backend)");
        config.put("source", "Weir NexmarkGenerator in a FLIP-27 Source: one stride split per subtask, one record per"
                + " pollNext" + (options.latencyMode() ? ", paced to " + options.rate() + " events/s" : ", unpaced"));
        config.put("watermarks", "bounded out-of-orderness " + options.outOfOrdernessMs() + " ms (watermark = max - bound - 1)");
        config.put("seed", Long.toString(options.seed()));
        config.put("warmup", Long.toString(options.latencyMode() ? Math.min(options.warmup(), options.events())
                : options.warmup()));
        config.put("eventTime", "start " + options.startMillis() + " ms, " + options.eventIntervalNanos()
                + " ns per event, out-of-orderness " + options.outOfOrdernessMs() + " ms, late fraction "
                + options.lateFraction());
        if (options.workload() == Workload.Q5) {
            config.put("q5Plan", options.q5Plan() == NexmarkQueries.Q5Plan.SLICED
                    ? "sliced: count per auction in 2 s tumbling windows, add up 5 slices per 10 s window (as Flink SQL)"
                    : "SlidingEventTimeWindows(10 s, 2 s): each bid counted in 5 windows");
        }
        config.put("records", "results chained to the source use records; keyed exchanges use Flink tuples of longs");
        return env;
    }

    private static WatermarkStrategy<GeneratedEvent> watermarks(BenchOptions options) {
        // timestamps: the source's own (the event's dateTime, given with each record)
        return WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMs()));
    }

    private static WatermarkIndex watermarkIndex(BenchOptions options) {
        long earliest = options.startMillis() - options.outOfOrdernessMs() - 1
                - (options.lateFraction() > 0 ? BenchOptions.LATE_DELAY_MS : 0);
        long latest = options.eventTime().due(options.events() - 1);
        return new WatermarkIndex(earliest, latest, options.outOfOrdernessMs(), options.events(), options.parallelism());
    }

    private static <T> void sink(NexmarkQueries.Query<T> query) {
        query.results().sinkTo(new ProbeSink<>(query.closing())).name("probe sink");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** CPU time of the whole process so far: every Flink thread, the JIT and the garbage collector. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The Flink version on the class path. */
    static String flinkVersion() {
        return EnvironmentInformation.getVersion();
    }
}
