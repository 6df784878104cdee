package io.weir.perf.checkpoint;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultInjector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Checkpoints of large heap keyed state (a benchmark, not a test). One job,
 * {@code PacedSource -> keyBy -> CountPerKey (a Long per key in a value state) -> LatencySink}, in phases:
 * <ol>
 *   <li>fill: every key once, as fast as it goes (with {@code heap=true}, the live heap of the state is
 *       then measured after a full GC);</li>
 *   <li>warm-up, then {@code baseline}: the source paces random keys at {@code rate} records/s, no
 *       checkpoints; the sink records latency (now - intended emission time) into an HdrHistogram;</li>
 *   <li>checkpointing: the same, with a checkpoint triggered every {@code interval}
 *       ({@code JobClient.triggerCheckpoint()}), {@code checkpoints} times. Per checkpoint: the total
 *       (the coordinator's duration, and trigger to completion as seen here), the synchronous part of each
 *       task (timed by a {@link FaultInjector} at BEFORE_SNAPSHOT / AFTER_SNAPSHOT, which bracket it) and
 *       the bytes written;</li>
 *   <li>recovery ({@code recovery=failover}): a failure is injected into the keyed operator; the job
 *       restarts at once (fixed-delay, 0 ms) from the last checkpoint. Timed: failure to the keyed
 *       function's {@code open} (state read and decoded) and to its first record;</li>
 *   <li>fresh restore ({@code recovery=fresh}): the job is cancelled and a new one started with
 *       {@code execution.savepoint.path} = the last checkpoint; timed from {@code executeAsync}.</li>
 * </ol>
 *
 * <p>Usage: {@code CheckpointBenchmark [name=value ...]}; options and defaults: {@code keys=10000000
 * rate=200000 p=1 warmup=5 baseline=20 interval=5 checkpoints=5 (seconds) recovery=failover,fresh
 * scheduler=cooperative heap=true dir=<java.io.tmpdir>/weir-checkpoint-bench}. A quick run:
 * {@code keys=1000000 baseline=10 checkpoints=3}. Run it, after {@code ./mvnw -pl perf-lab -am package}, with the
 * JVM flags of the parent POM ({@code weir.jvm.flags}) and a fixed heap:
 * <pre>
 *   java $(cat perf-lab/target/classes/io/weir/perf/runner/weir-jvm.flags) -Xms8g -Xmx8g \
 *        -cp perf-lab/target/benchmarks.jar io.weir.perf.checkpoint.CheckpointBenchmark
 * </pre>
 * Figures are only meaningful on an otherwise idle machine: the load average is printed at the start and end.
 */
public final class CheckpointBenchmark {
    private static final String JOB = "checkpoint-bench";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private final Map<String, String> options;
    private final long keys;
    private final double rate;
    private final int parallelism;
    private final Path directory;

    /** One checkpoint of the checkpointing phase, as triggered and completed here; {@code info} null: it failed. */
    private record Taken(long triggeredNanos, long completedNanos, CheckpointInfo info, Throwable failure) {
    }

    private CheckpointBenchmark(Map<String, String> options) {
        this.options = options;
        this.keys = number("keys", "10000000");
        this.rate = number("rate", "200000");
        this.parallelism = (int) number("p", "1");
        this.directory = Path.of(options.getOrDefault("dir",
                Path.of(System.getProperty("java.io.tmpdir"), "weir-checkpoint-bench").toString()));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new CheckpointBenchmark(options).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Weir checkpoint benchmark: %,d keys, %,.0f records/s paced, p=%d, scheduler %s,"
                        + " %d cores, max heap %,d MB, GC %s, %s %s%n", keys, rate, parallelism, scheduler(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, collectors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "system load average at start: %.2f%n", loadAverage());
        deleteDirectory();
        boolean heap = Boolean.parseBoolean(options.getOrDefault("heap", "true"));
        long heapBefore = heap ? liveHeap() : 0;
        RunProbe probe = RunProbe.create();
        ProbeInjector injector = new ProbeInjector();
        long fillStart = System.nanoTime();
        JobClient job = start(probe, injector, null);
        awaitCondition(job, () -> probe.filled() >= keys, "the fill of " + keys + " keys");
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf(Locale.ROOT, "fill: %,d keys in %.1f s (%,.0f keys/s)%n", keys, fillSeconds, keys / fillSeconds);
        if (heap) {
            long state = liveHeap() - heapBefore;
            System.out.printf(Locale.ROOT, "state: %,d MB live heap (%d B/key), after a full GC%n", state >> 20, state / keys);
        }

        new LatencyPhase("warm-up").start(probe.latency);
        sleepSeconds(number("warmup", "5"));
        LatencyPhase baseline = new LatencyPhase("no checkpoints");
        baseline.start(probe.latency);
        for (long s = 0; s < number("baseline", "20"); s++) {
            sleepSeconds(1);
            baseline.sample(probe.latency, "");
        }
        baseline.end();
        LatencyPhase checkpointing = new LatencyPhase("checkpointing");
        List<Taken> taken = checkpointPhase(job, probe, checkpointing);
        System.out.println();
        System.out.println("latency (now - intended emission time), ms:");
        System.out.println("  " + baseline.summary());
        System.out.println("  " + checkpointing.summary());
        System.out.println("  max per second, no checkpoints: " + baseline.timeline());
        System.out.println("  max per second, checkpointing (* = triggered, + = completed): " + checkpointing.timeline());
        System.out.println();
        System.out.println("checkpoints:");
        for (Taken t : taken) {
            System.out.println("  " + describe(t, injector));
        }
        CheckpointInfo last = taken.stream().map(Taken::info).filter(i -> i != null).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no checkpoint completed: " + job.checkpointHistory()));

        List<String> recovery = List.of(options.getOrDefault("recovery", "failover,fresh").split(","));
        System.out.println();
        if (recovery.contains("failover")) {
            failover(job, probe, injector, last);
        }
        job.cancel();
        awaitCondition(null, () -> job.status().isTerminal(), "the job's cancellation");
        probe.release();
        if (recovery.contains("fresh")) {
            freshRestore(last);
        }
        System.out.printf(Locale.ROOT, "system load average at the end: %.2f%n", loadAverage());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private List<Taken> checkpointPhase(JobClient job, RunProbe probe, LatencyPhase phase) throws InterruptedException {
        long interval = number("interval", "5");
        long count = number("checkpoints", "5");
        List<Taken> taken = new ArrayList<>();
        List<CompletableFuture<Taken>> inFlight = new ArrayList<>();
        phase.start(probe.latency);
        long triggered = 0;
        int reported = 0;
        for (long second = 0; ; second++) {
            String mark = "";
            boolean idle = inFlight.isEmpty() || inFlight.getLast().isDone();
            if (triggered < count && second % interval == 0 && idle) {
                long at = System.nanoTime();
                inFlight.add(job.triggerCheckpoint().handle((info, e) -> new Taken(at, System.nanoTime(), info, e)));
                triggered++;
                mark = "*";
            }
            sleepSeconds(1);
            for (int i = reported; i < inFlight.size() && inFlight.get(i).isDone(); i++, reported++) {
                taken.add(inFlight.get(i).join());
                mark += "+";
            }
            phase.sample(probe.latency, mark);
            if (triggered == count && reported == count && second + 1 >= count * interval) {
                phase.end();
                return taken;
            }
            if (second > count * interval + STEP_TIMEOUT.toSeconds()) {
                throw new IllegalStateException("checkpoints did not complete in time: " + job.checkpointHistory());
            }
        }
    }

    private String describe(Taken t, ProbeInjector injector) {
        CheckpointInfo info = t.info();
        if (info == null) {
            return "failed: " + t.failure();
        }
        List<ProbeInjector.SyncPart> parts = injector.syncParts(info.checkpointId());
        ProbeInjector.SyncPart longest = parts.stream().max(Comparator.comparingLong(ProbeInjector.SyncPart::nanos))
                .orElse(null);
        return String.format(Locale.ROOT, "#%d  total %6d ms (here: %6d ms)  sync %s  bytes %,d (%.1f B/key)  alignment %d ms",
                info.checkpointId(), info.duration().toMillis(), (t.completedNanos() - t.triggeredNanos()) / 1_000_000,
                longest == null ? "n/a" : String.format(Locale.ROOT, "%6.1f ms (task %s)", longest.nanos() / 1e6, longest.task()),
                info.bytes(), (double) info.bytes() / keys, info.alignment().toMillis());
    }

    /** Fails the running job once and times its recovery from checkpoint {@code last}. */
    private void failover(JobClient job, RunProbe probe, ProbeInjector injector, CheckpointInfo last) {
        probe.expectRecovery();
        long gcCount = LatencyPhase.gcCount();
        long gcMillis = LatencyPhase.gcMillis();
        injector.arm();
        awaitCondition(job, () -> probe.firstRecordNanos() != 0, "the first record after the injected failure");
        long failed = injector.failedNanos();
        System.out.printf(Locale.ROOT, "recovery (failover, restart delay 0, from checkpoint #%d of %,d bytes, %d restart):"
                        + " failure -> state restored (keyed function opened) %,d ms, -> first record processed %,d ms"
                        + " (gc: %d, %d ms)%n", last.checkpointId(), last.bytes(), job.restarts(),
                (probe.openedNanos() - failed) / 1_000_000, (probe.firstRecordNanos() - failed) / 1_000_000,
                LatencyPhase.gcCount() - gcCount, LatencyPhase.gcMillis() - gcMillis);
    }

    /** Starts a new job from checkpoint {@code last} and times it until it processes records. */
    private void freshRestore(CheckpointInfo last) {
        System.gc(); // the cancelled job's state, outside the timed window
        RunProbe probe = RunProbe.create();
        probe.expectRecovery();
        long gcCount = LatencyPhase.gcCount();
        long gcMillis = LatencyPhase.gcMillis();
        long start = System.nanoTime();
        JobClient job = start(probe, new ProbeInjector(), last.location());
        long started = System.nanoTime();
        awaitCondition(job, () -> probe.firstRecordNanos() != 0, "the first record of the restored job");
        System.out.printf(Locale.ROOT, "recovery (fresh job, execution.savepoint.path = checkpoint #%d): executeAsync"
                        + " %,d ms, -> state restored (keyed function opened) %,d ms, -> first record processed %,d ms"
                        + " (gc: %d, %d ms)%n", last.checkpointId(), (started - start) / 1_000_000,
                (probe.openedNanos() - start) / 1_000_000, (probe.firstRecordNanos() - start) / 1_000_000,
                LatencyPhase.gcCount() - gcCount, LatencyPhase.gcMillis() - gcMillis);
        job.cancel();
        awaitCondition(null, () -> job.status().isTerminal(), "the restored job's cancellation");
        probe.release();
    }

    private JobClient start(RunProbe probe, ProbeInjector injector, String restoreFrom) {
        var env = StreamEnvironment.create()
                .setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler())
                .configure(ExecutionOptions.IDLE_STRATEGY, IdleStrategyKind.BACKOFF)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, directory.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 1)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 1)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, injector);
        if (restoreFrom != null) {
            env.configure(RecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        env.fromSource(new PacedSource(keys, rate), "paced events").uid("paced-events")
                .keyBy(Event::key)
                .process(new CountPerKey(probe.id)).name("count per key").uid("count-per-key")
                .sinkTo(new LatencySink(probe.latency));
        return env.executeAsync(JOB);
    }

    /** Polls {@code condition} every 10 ms, failing if {@code job} (when given) ends or the step times out. */
    private static void awaitCondition(JobClient job, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (job != null && job.status().isTerminal()) {
                job.await(); // throws the job's failure
                throw new IllegalStateException("the job ended while waiting for " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + STEP_TIMEOUT + " waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static void sleepSeconds(long seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }

    /** The live heap in bytes: used heap right after a full collection. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String collectors() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }

    private void deleteDirectory() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private String scheduler() {
        return options.getOrDefault("scheduler", "cooperative");
    }

    private long number(String name, String otherwise) {
        return Long.parseLong(options.getOrDefault(name, otherwise).replace("_", ""));
    }
}
