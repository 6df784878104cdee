package io.weir.perf.nexmark;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.perf.report.RunData;
import io.weir.perf.report.RunSummary;
import io.weir.perf.report.ThroughputRow;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one Nexmark benchmark on Weir, in this JVM: the {@link NexmarkSource} (the datagen connector's generator),
 * the {@link Workload}'s query, and the {@link BenchSink}, under the {@link BenchConfig}'s settings.
 * <ul>
 *   <li>Throughput mode ({@code rate = 0}): a warm-up run of {@code warmup} events, then the measured run of
 *       {@code events} as fast as possible; events per second over the wall time, and per core over the process's
 *       CPU time ({@code OperatingSystemMXBean.getProcessCpuTime}).</li>
 *   <li>Latency mode ({@code rate > 0}): one paced run; each result's latency from its closing event's intended
 *       emission time, into an HdrHistogram (3 significant digits), one interval histogram per second; a second
 *       after the warm-up kept up when at its end the source was at most 10 ms of events behind its schedule.</li>
 * </ul>
 * Each run starts from a collected heap ({@code System.gc()} before the job is built), so that the measured run's
 * young collections do not copy what set-up left behind; a latency run whose warm-up lasts at least two seconds
 * collects once more a second into it, with the job running, so that the measured seconds see the heap of a job
 * that has run for a while (its long-lived structures in the old generation). While the run goes on, a {@link Tick} is reported every
 * second.
 *
 * <h2>Thread safety</h2>
 * Stateless; one run per call, on the caller's thread (the job runs on the scheduler's threads).
 */
public final class NexmarkBench {
    /** Time between building the job and its first paced event: the job's start-up. */
    static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How far behind its schedule the source may be at the end of a second that kept up. */
    static final long KEPT_UP_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private NexmarkBench() {
    }

    /** Weir's version, from the filtered resource. */
    public static String version() {
        try (InputStream in = NexmarkBench.class.getResourceAsStream("weir-bench.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code config} (with its warm-up in throughput mode), reporting every second to {@code listener}. */
    public static RunData run(BenchConfig config, Consumer<Tick> listener) {
        return run(config, listener, false);
    }

    /**
     * Runs {@code config} as {@link #run(BenchConfig, Consumer)}; with {@code hiccups}, a latency run also measures the
     * platform's hiccups ({@link HiccupMeter}: {@link RunData#hiccups()}, {@link RunSummary#hiccupNanos()}). Off by
     * default: the meter's thread wakes a thousand times a second, which on two busy cores shows in the p99.99.
     */
    public static RunData run(BenchConfig config, Consumer<Tick> listener, boolean hiccups) {
        if (!config.latencyMode() && config.warmup() > 0) {
            runOnce(config.withEvents(config.warmup()), listener, true, false);
        }
        return runOnce(config, listener, false, hiccups);
    }

    /** The source with watermarks and the query, on {@code env} (for the harness and tests). */
    static DataStream<?> pipeline(StreamEnvironment env, BenchConfig config, Schedule schedule, Progress progress) {
        Workload workload = config.workload();
        NexmarkSource source = new NexmarkSource(config.seed(), schedule,
                workload.windowed() ? NexmarkSource.Stamp.EVENT_TIME : NexmarkSource.Stamp.INDEX, progress);
        DataStream<NexmarkEvent> events = workload.windowed()
                ? env.fromSource(source, WatermarkStrategy.forGenerator(clock -> new EveryEventWatermarks()), "nexmark")
                : env.fromSource(source, "nexmark");
        return workload.build(events);
    }

    /** The environment of a run. */
    static StreamEnvironment environment(BenchConfig config) {
        StreamEnvironment env = StreamEnvironment.create(config.toConfiguration());
        return env;
    }

    private static RunData runOnce(BenchConfig config, Consumer<Tick> listener, boolean warmup, boolean measureHiccups) {
        Path checkpoints = null;
        StreamEnvironment env = environment(config);
        if (!config.checkpointInterval().isZero() && !config.options().containsKey(CheckpointOptions.CHECKPOINT_DIRECTORY.key())) {
            try {
                checkpoints = Files.createTempDirectory("weir-bench-checkpoints-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a checkpoint directory: " + e.getMessage(), e);
            }
            env.configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString());
        }
        // with --hiccups, a latency run: the platform's own hiccups beside the engine's latency, second by second
        try (HiccupMeter hiccups = measureHiccups && config.latencyMode() ? HiccupMeter.start() : null) {
            return measure(env, config, listener, warmup, hiccups);
        } finally {
            if (checkpoints != null) {
                deleteQuietly(checkpoints);
            }
        }
    }

    private static RunData measure(StreamEnvironment env, BenchConfig config, Consumer<Tick> listener, boolean warmup,
                                   HiccupMeter hiccups) {
        // start from a collected heap: what the JVM, the command line and earlier runs left behind (a few MB of class
        // loading and set-up) goes to the old generation now, before the job starts, instead of being copied by the
        // measured run's first young collections (a pause of a few ms each); the job's own data is not affected
        System.gc();
        boolean latency = config.latencyMode();
        Progress progress = new Progress(config.parallelism());
        Recorder recorder = latency ? new Recorder(BenchSink.MAX_LATENCY_NANOS, 3) : null;
        long start = System.nanoTime() + (latency ? LEAD_NANOS : 0);
        Schedule schedule = Schedule.of(start, config.rate(), config.events(), config.parallelism());
        long warmupEvents = latency ? Math.min(config.warmup(), config.events()) : 0;
        pipeline(env, config, schedule, progress)
                .sinkTo(new BenchSink(progress, recorder, schedule, config.workload().windowed(), warmupEvents));

        String startedAt = Instant.now().toString();
        double loadStart = SystemInfo.loadAverage();
        long gcCount = SystemInfo.gcCount();
        long gcMillis = SystemInfo.gcMillis();
        long cpuStart = SystemInfo.processCpuNanos();
        if (hiccups != null) {
            // the run's hiccups only: not the harness's collection and the job's set-up above (the first interval is
            // labelled as starting at the first paced event)
            hiccups.interval(null);
        }
        long t0 = System.nanoTime();
        JobClient job = env.executeAsync("nexmark " + config.workload().id() + " " + config.mode());
        long origin = latency ? start : t0;

        Histogram total = new Histogram(3);
        // the per-second histograms are kept encoded (a few hundred bytes each instead of a counts array of
        // 100 kB or more) and the recorder's spare is recycled, so the harness adds almost nothing to the live heap
        // that every young collection of a latency run copies
        List<EncodedInterval> intervals = new ArrayList<>();
        Histogram spare = null;
        Histogram hiccupTotal = new Histogram(3);
        List<EncodedInterval> hiccupIntervals = new ArrayList<>();
        Histogram hiccupSpare = null;
        List<ThroughputRow> rows = new ArrayList<>();
        long keptUp = 0;
        long judged = 0;
        long lastEmitted = 0;
        long lastSunk = 0;
        long nextTick = origin + SECOND;
        long intervalStartMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(origin - System.nanoTime());
        boolean done = false;
        boolean settled = !latency;
        while (!done) {
            done = awaitUntil(job, nextTick);
            long now = System.nanoTime();
            if (!settled && !done && schedule.dueBy(now + SECOND) < warmupEvents) {
                // once, a second into the warm-up and at least a second before it ends: the running job's long-lived
                // structures (channels, tables, operator state) go to the old generation, where a long-running job
                // has them after its first minutes; the measured seconds then see young collections that copy only
                // young data (about 1 ms) instead of copying those structures again and again (3-5 ms). The pause
                // and its catch-up fall in the warm-up, whose results are not measured.
                System.gc();
                settled = true;
            }
            long emitted = progress.emitted();
            long sunk = progress.sunk();
            if (!done || emitted > lastEmitted || sunk > lastSunk || rows.isEmpty()) {
                // a run that ends right after a full second adds no empty last row
                rows.add(new ThroughputRow(rows.size(), emitted - lastEmitted, sunk - lastSunk));
            }
            if (latency) {
                long nowMillis = System.currentTimeMillis();
                Histogram interval = recorder.getIntervalHistogram(spare);
                Histogram hiccupInterval = hiccups == null ? null : hiccups.interval(hiccupSpare);
                intervals.add(EncodedInterval.of(interval, intervalStartMillis, nowMillis));
                if (hiccupInterval != null) {
                    hiccupIntervals.add(EncodedInterval.of(hiccupInterval, intervalStartMillis, nowMillis));
                }
                intervalStartMillis = nowMillis;
                total.add(interval);
                spare = interval;
                hiccupSpare = hiccupInterval;
                boolean measured = schedule.dueBy(now) > warmupEvents;
                if (measured && hiccupInterval != null) {
                    // the measured seconds only, as the latency's: the partial last one included
                    hiccupTotal.add(hiccupInterval);
                }
                if (!done && measured) {
                    judged++;
                    long lag = schedule.dueBy(now) - emitted;
                    if (lag <= (long) (config.rate() * (KEPT_UP_LAG_NANOS / 1e9))) {
                        keptUp++;
                    }
                }
            }
            listener.accept(new Tick(now - origin, emitted, config.events(), sunk, emitted - lastEmitted, warmup));
            lastEmitted = emitted;
            lastSunk = sunk;
            nextTick += SECOND;
        }
        long end = System.nanoTime();
        long cpu = SystemInfo.processCpuNanos() - cpuStart;
        job.await();
        long elapsed = end - (latency ? Math.max(start, t0) : t0);
        double seconds = elapsed / 1e9;
        RunSummary.Latency percentiles = latency ? percentiles(total) : null;
        Map<String, Long> gc = new LinkedHashMap<>();
        gc.put("count", SystemInfo.gcCount() - gcCount);
        gc.put("millis", SystemInfo.gcMillis() - gcMillis);
        String notes = config.notes();
        int restarts = job.restarts();
        if (restarts > 0) {
            notes = (notes.isEmpty() ? "" : notes + "; ") + restarts + " restart(s) after failures";
        }
        Map<String, String> described = new LinkedHashMap<>(config.describe());
        described.put("checkpoints-completed", Long.toString(job.checkpointHistory().size()));
        RunSummary summary = new RunSummary("weir", version(), config.workload().id(), config.mode(), config.events(),
                config.rate(), config.parallelism(), described, SystemInfo.machine(), SystemInfo.jvm(), startedAt, elapsed,
                config.events() / seconds, cpu > 0 ? config.events() / (cpu / 1e9) : 0, percentiles,
                latency ? (judged == 0 ? 1.0 : keptUp / (double) judged) : null, notes, progress.sunk(),
                cpu > 0 ? cpu / 1e9 : null, List.of(loadStart, SystemInfo.loadAverage()), gc,
                hiccups != null ? percentiles(hiccupTotal) : null);
        return new RunData(summary, total, intervals.stream().map(EncodedInterval::decode).toList(), rows,
                hiccupIntervals.stream().map(EncodedInterval::decode).toList());
    }

    /** One second's latency histogram in HdrHistogram's compact encoding, with its start and end (epoch ms). */
    private record EncodedInterval(byte[] encoded, long startMillis, long endMillis) {
        static EncodedInterval of(Histogram interval, long startMillis, long endMillis) {
            ByteBuffer buffer = ByteBuffer.allocate(interval.getNeededByteBufferCapacity());
            interval.encodeIntoByteBuffer(buffer);
            return new EncodedInterval(Arrays.copyOf(buffer.array(), buffer.position()), startMillis, endMillis);
        }

        Histogram decode() {
            Histogram histogram = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(encoded), 0);
            histogram.setStartTimeStamp(startMillis);
            histogram.setEndTimeStamp(endMillis);
            return histogram;
        }
    }

    /** Waits for the job to end or for {@code deadline}; {@code true} if it ended (a failure is thrown). */
    private static boolean awaitUntil(JobClient job, long deadline) {
        long wait = deadline - System.nanoTime();
        try {
            job.resultFuture().get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new IllegalStateException("interrupted while the benchmark ran; the job was cancelled", e);
        } catch (ExecutionException e) {
            job.await(); // throws the job's failure as a JobFailedException
            return true;
        }
    }

    private static RunSummary.Latency percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new RunSummary.Latency(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new RunSummary.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue(), h.getMean(), h.getTotalCount());
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** Monotonous watermarks (highest timestamp - 1), emitted on every event that advances them. */
    static final class EveryEventWatermarks implements WatermarkGenerator<NexmarkEvent> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(NexmarkEvent event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp > max) {
                max = eventTimestamp;
                output.emitWatermark(eventTimestamp - 1);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
