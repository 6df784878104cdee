package io.weir.perf.nexmark;

import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkGenerator;
import io.weir.perf.report.RunData;
import io.weir.perf.report.RunSummary;
import io.weir.perf.report.ThroughputRow;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bare generator's own rate, the ceiling of every query: {@code parallelism} threads call
 * {@link NexmarkGenerator#event} for the strided splits of {@code events} (as the source's readers do), with no
 * engine at all, keeping each event in a small ring (so that it is allocated, as in an engine) and folding its time
 * into a checksum so that nothing is optimised away. A warm-up pass of
 * {@code warmup} events comes first.
 *
 * <h2>Thread safety</h2>
 * Stateless; one run per call.
 */
public final class GeneratorRate {
    /** The workload name of this measurement in run folders. */
    public static final String WORKLOAD = "generator";

    private GeneratorRate() {
    }

    /** Generates {@code config.events()} events on {@code config.parallelism()} threads. */
    public static RunData run(BenchConfig config, Consumer<Tick> listener) {
        NexmarkGenerator generator = new NexmarkGenerator(config.seed(), Schedule.eventTimeFor(0));
        if (config.warmup() > 0) {
            generate(generator, config.warmup(), config.parallelism(), new AtomicLong());
        }
        AtomicLong done = new AtomicLong();
        String startedAt = Instant.now().toString();
        long cpuStart = SystemInfo.processCpuNanos();
        double load = SystemInfo.loadAverage();
        long t0 = System.nanoTime();
        Thread reporter = Thread.ofPlatform().daemon().start(() -> {
            long last = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = done.get();
                listener.accept(new Tick(System.nanoTime() - t0, now, config.events(), 0, now - last, false));
                last = now;
            }
        });
        long checksum = generate(generator, config.events(), config.parallelism(), done);
        long elapsed = System.nanoTime() - t0;
        long cpu = SystemInfo.processCpuNanos() - cpuStart;
        reporter.interrupt();
        Map<String, String> described = new LinkedHashMap<>();
        described.put("threads", Integer.toString(config.parallelism()));
        described.put("seed", Long.toString(config.seed()));
        described.put("checksum", Long.toHexString(checksum));
        RunSummary summary = new RunSummary("weir", NexmarkBench.version(), WORKLOAD, "throughput", config.events(), 0,
                config.parallelism(), described, SystemInfo.machine(), SystemInfo.jvm(), startedAt, elapsed,
                config.events() / (elapsed / 1e9), cpu > 0 ? config.events() / (cpu / 1e9) : 0, null, null,
                "the NexmarkGenerator alone, no engine", 0L, cpu > 0 ? cpu / 1e9 : null, List.of(load, SystemInfo.loadAverage()),
                null);
        return new RunData(summary, new Histogram(3), List.of(), List.of(new ThroughputRow(0, config.events(), 0)));
    }

    private static long generate(NexmarkGenerator generator, long events, int threads, AtomicLong done) {
        long[] sums = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int stride = threads;
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long sum = 0;
                long n = 0;
                // events escape into a small ring, as they escape into an engine, so none is scalar-replaced
                NexmarkEvent[] ring = new NexmarkEvent[1024];
                for (long i = first; i < events; i += stride) {
                    NexmarkEvent e = generator.event(i);
                    ring[(int) (i & 1023)] = e;
                    sum += e.dateTime();
                    if (++n == 1 << 16) {
                        done.addAndGet(n);
                        n = 0;
                    }
                }
                done.addAndGet(n);
                NexmarkEvent kept = ring[(int) (first & 1023)];
                sums[first] = sum + (kept == null ? 0 : kept.dateTime());
            }));
        }
        long checksum = 0;
        for (int t = 0; t < threads; t++) {
            try {
                workers.get(t).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while generating", e);
            }
            checksum ^= sums[t];
        }
        return checksum;
    }
}
