package io.weir.cli;

import io.weir.api.config.ExchangeMode;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.config.RecoveryOptions;
import io.weir.perf.nexmark.BenchConfig;
import io.weir.perf.nexmark.FlinkRunner;
import io.weir.perf.nexmark.GeneratorRate;
import io.weir.perf.nexmark.NexmarkBench;
import io.weir.perf.nexmark.Workload;
import io.weir.perf.report.HtmlReport;
import io.weir.perf.report.LoadedRun;
import io.weir.perf.report.RunData;
import io.weir.perf.report.RunFolder;
import io.weir.perf.report.RunSummary;
import io.weir.perf.report.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code weir bench <workload>}: runs a Nexmark workload on Weir in this JVM (perf-lab's
 * {@link NexmarkBench}), with a progress line, and writes its run folder and HTML report; {@code --vs flink}
 * runs it on Apache Flink too and overlays both. After the summary lines it prints the verdicts of the performance
 * issue's targets that the run (or the pair) can judge ({@link Targets}). {@code weir bench compare} overlays existing run folders.
 * Exit codes: 0 done, 1 the run failed, 2 wrong command line or the Flink runner is missing.
 */
@Command(name = "bench", sortOptions = false, subcommands = BenchCompareCommand.class,
        description = "Runs a Nexmark workload and writes its run folder (summary.json, latency.hgrm, latency.hlog, "
                + "throughput.csv, report.html).",
        footer = {"", "Workloads:",
            "  q0 pass-through, q1 currency conversion, q2 filter,",
            "  q5 hot items (sliding window), q7 highest bid (tumbling window),",
            "  q8 persons joined with auctions, session (Nexmark q11),",
            "  tumbling-count bids per auction per 10 s, generator the bare generator.",
            "", "Examples:",
            "  weir bench q1 --events 50M -p 2",
            "  weir bench q1 --rate 1M --seconds 30 --checkpoint-interval 1s",
            "  weir bench q5 --rate 1M --vs flink",
            "  weir bench compare target/bench/run-a target/bench/run-b",
            "", "Sizes take k, M and G suffixes (1M = 1,000,000)."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    private WeirCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<workload>", description = "q0, q1, q2, q5, q7, q8, session, tumbling-count or generator.")
    private String workloadName;

    @Option(names = {"-n", "--events"}, paramLabel = "N",
            description = "Events to generate (default: 10M in throughput mode, rate x seconds in latency mode).")
    private String events;

    @Option(names = {"-r", "--rate"}, paramLabel = "R",
            description = "Events per second: a latency run at this fixed rate (default: 0, a throughput run as fast as possible).")
    private String rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
            description = "Length of a latency run when --events is not given (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", defaultValue = "1",
            description = "Parallelism of every operator (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME", defaultValue = "cooperative",
            description = "Scheduler: cooperative (default) or dedicated.")
    private String scheduler;

    @Option(names = "--idle-strategy", paramLabel = "KIND", defaultValue = "backoff",
            description = "What idle scheduler threads do: busy-spin, yield or backoff (default).")
    private String idleStrategy;

    @Option(names = {"-x", "--exchange"}, paramLabel = "MODE", defaultValue = "object",
            description = "How records cross between tasks: object (default) or serialized.")
    private ExchangeMode exchange;

    @Option(names = "--state-backend", paramLabel = "NAME", defaultValue = "heap",
            description = "State backend: heap (default) or rocksdb.")
    private String stateBackend;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "0",
            description = "Time between checkpoints, such as 1s or 500ms (default: 0, no checkpoints).")
    private String checkpointInterval;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Throughput: events of a warm-up run before the measured one (default: 2M, at most --events). "
                    + "Latency: events whose results are not measured (default: the first 5 s).")
    private String warmup;

    @Option(names = "--hiccups",
            description = "Latency: also measure the platform's hiccups (a thread parking 1 ms at a time, as jHiccup), "
                    + "into hiccups.hlog; it takes a little CPU from the job, so it is off by default.")
    private boolean hiccups;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Sets any other configuration option; repeatable.")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "The run folder (default: a new folder under target/bench).")
    private Path out;

    @Option(names = "--notes", description = "Free text for the summary.")
    private String notes = "";

    @Option(names = "--vs", paramLabel = "ENGINE", description = "Also runs the workload on another engine: flink.")
    private String versus;

    @Option(names = "--flink-classpath", paramLabel = "PATH", description = "Class path of the Flink runner.")
    private String flinkClasspath;

    @Option(names = "--flink-argfile", paramLabel = "FILE",
            description = "A java argument file with the Flink runner's JVM flags and class path (its module writes one).")
    private Path flinkArgfile;

    @Option(names = "--flink-java", paramLabel = "FILE", description = "The java executable for the Flink runner (a JDK 17).")
    private Path flinkJava;

    @Override
    public Integer call() {
        if (workloadName == null) {
            cli.err().println("weir bench: missing <workload>: one of " + Workload.names() + ", " + GeneratorRate.WORKLOAD
                    + " (or `weir bench compare <run-folder>...`)");
            return WeirCli.EXIT_USAGE;
        }
        BenchConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            cli.err().println("weir bench: " + e.getMessage());
            return WeirCli.EXIT_USAGE;
        }
        FlinkRunner flink = null;
        if (versus != null) {
            if (!versus.equalsIgnoreCase("flink")) {
                cli.err().println("weir bench: --vs " + versus + " is not known; the only other engine is flink");
                return WeirCli.EXIT_USAGE;
            }
            FlinkRunner.Located located = FlinkRunner.locate(
                    flinkArgfile != null ? "@" + flinkArgfile.toAbsolutePath() : flinkClasspath, flinkJava, System.getenv(), weirHome());
            if (located.runner().isEmpty()) {
                cli.err().println("weir bench --vs flink: " + located.problem());
                return WeirCli.EXIT_USAGE;
            }
            // the Flink JVM gets this JVM's heap and collector (the launcher fixes and pre-touches the heap of a run)
            flink = located.runner().get().withMemoryFlags(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        Path folder = out != null ? out : weirHome().resolve("target").resolve("bench").resolve(folderName(config));
        Path weirFolder = flink == null ? folder : folder.resolve("weir");
        boolean bare = workloadName.equalsIgnoreCase(GeneratorRate.WORKLOAD);
        cli.out().printf(Locale.ROOT, "weir bench %s: %s, %,d events%s, p=%d, %s%n",
                bare ? GeneratorRate.WORKLOAD : config.workload().id(), config.mode(), config.events(),
                config.latencyMode() ? String.format(Locale.ROOT, " at %,d/s", config.rate()) : "", config.parallelism(),
                bare ? "{threads=" + config.parallelism() + ", seed=" + config.seed() + ", the generator alone, no engine}"
                        : config.describe());
        RunData run;
        ProgressLine progress = new ProgressLine(cli.err(), System.console() != null);
        try {
            run = bare ? GeneratorRate.run(config, progress::update)
                    : NexmarkBench.run(config, progress::update, hiccups);
        } catch (RuntimeException e) {
            progress.end();
            cli.err().println("weir bench: the run failed: " + FailureReport.describe(config.workload().id(), e));
            if (cli.verbose()) {
                e.printStackTrace(cli.err());
            }
            return WeirCli.EXIT_FAILED;
        }
        progress.end();
        RunFolder.write(weirFolder, run);
        List<LoadedRun> runs = new ArrayList<>(List.of(RunFolder.read(weirFolder)));
        HtmlReport.write(weirFolder.resolve(RunFolder.REPORT), run.summary().label(), runs);
        printSummary(run.summary());
        if (flink == null) {
            printTargets(runs);
        } else {
            Path flinkFolder = folder.resolve("flink");
            cli.out().println("running the Flink runner: " + String.join(" ", flink.command(config, flinkFolder)));
            cli.out().println("note: the Flink runner gets the workload, events, rate, parallelism, checkpoint interval, seed "
                    + "and event time; its other settings (state backend, buffer timeout, watermark interval, ...) are its own, "
                    + "listed under config in its summary.json");
            try {
                flink.run(config, flinkFolder);
                LoadedRun flinkRun = RunFolder.read(flinkFolder);
                runs.add(flinkRun);
                printSummary(flinkRun.summary());
            } catch (RuntimeException e) {
                cli.err().println("weir bench: the Flink run failed: " + e.getMessage());
                return WeirCli.EXIT_FAILED;
            }
            HtmlReport.write(folder.resolve(RunFolder.REPORT), config.workload().id() + ": Weir vs Flink", runs);
            printTargets(runs);
        }
        cli.out().println("run folder: " + folder.toAbsolutePath());
        cli.out().println("report: " + (flink == null ? weirFolder : folder).resolve(RunFolder.REPORT).toAbsolutePath());
        return WeirCli.EXIT_OK;
    }

    private BenchConfig config() {
        Workload workload = workloadName.equalsIgnoreCase(GeneratorRate.WORKLOAD) ? Workload.Q0 : Workload.of(workloadName);
        long r = rate == null ? 0 : Sizes.parse(rate, "--rate");
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, was " + parallelism);
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1, was " + seconds);
        }
        long n = events != null ? Sizes.parse(events, "--events") : r > 0 ? r * seconds : 10_000_000L;
        if (n < 1) {
            throw new IllegalArgumentException("--events must be at least 1");
        }
        long w = warmup != null ? Sizes.parse(warmup, "--warmup")
                : r > 0 ? Math.min(n / 2, r * BenchConfig.LATENCY_WARMUP_SECONDS) : Math.min(n, 2_000_000L);
        IdleStrategyKind idle;
        try {
            idle = IdleStrategyKind.valueOf(idleStrategy.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--idle-strategy must be busy-spin, yield or backoff, was '" + idleStrategy + "'");
        }
        Duration interval = checkpointInterval.equals("0") ? Duration.ZERO : parseDuration(checkpointInterval);
        Map<String, String> options = new JobSettings(null, null, null, properties).toConfiguration().toMap();
        return new BenchConfig(workload, n, r, parallelism, seed, scheduler, idle, exchange, stateBackend, interval, w,
                options, notes);
    }

    private static Duration parseDuration(String text) {
        try {
            return RecoveryOptions.CHECKPOINT_INTERVAL.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--checkpoint-interval: " + e.getMessage());
        }
    }

    private String folderName(BenchConfig config) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return time + "-" + workloadName.toLowerCase(Locale.ROOT) + "-" + config.mode()
                + (config.latencyMode() ? "-" + config.rate() : "") + "-p" + config.parallelism();
    }

    private void printSummary(RunSummary s) {
        cli.out().printf(Locale.ROOT, "%s: %,d events in %.2f s: %,.0f events/s, %,.0f events/s per core%s%n", s.label(),
                s.events(), s.elapsedNanos() / 1e9, s.eventsPerSecond(), s.eventsPerSecondPerCore(),
                s.sinkRecords() == null ? "" : String.format(Locale.ROOT, ", %,d results", s.sinkRecords()));
        RunSummary.Latency l = s.latencyNanos();
        if (l != null) {
            cli.out().printf(Locale.ROOT, "  latency: p50 %s, p99 %s, p99.9 %s, p99.99 %s, max %s (%,d results); kept up %.1f%% of the seconds%n",
                    ms(l.p50()), ms(l.p99()), ms(l.p999()), ms(l.p9999()), ms(l.max()), l.count(),
                    100 * (s.keptUpFraction() == null ? 0 : s.keptUpFraction()));
        }
        RunSummary.Latency h = s.hiccupNanos();
        if (h != null) {
            // beside the latency: a spike with a hiccup as large is the platform's (scheduler, hypervisor, safepoint)
            cli.out().printf(Locale.ROOT, "  platform hiccups (a thread parking 1 ms): p99 %s, p99.99 %s, max %s%n",
                    ms(h.p99()), ms(h.p9999()), ms(h.max()));
        }
    }

    /** The verdicts of the performance issue's targets on {@code runs} (docs/benchmarks/nexmark.md). */
    private void printTargets(List<LoadedRun> runs) {
        List<RunSummary> summaries = runs.stream().map(LoadedRun::summary).toList();
        Targets.evaluate(summaries).lines(summaries).forEach(cli.out()::println);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** The Weir folder: {@code -Dweir.home} (set by the launcher), else the working directory. */
    static Path weirHome() {
        String home = System.getProperty("weir.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
    }
}
