package io.weir.perf.state;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.StateOptions;
import io.weir.api.connector.Sinks;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A keyed aggregation whose state is larger than memory, on the RocksDB backend: {@code --state-mb} of
 * state on disk (default 10240), as {@code state-mb / value-bytes} keys, each holding {@code --value-bytes}
 * random (incompressible) bytes with a counter; the job visits every key {@code --passes} times (default
 * 2) in a scrambled order, so that the second pass reads every value back from disk. Meant to run with
 * {@code -Xmx1g}: the JVM heap holds no state, RocksDB's native memory stays within
 * {@code state.rocksdb.memory.managed-size}. Reports the throughput, the latency of the per-record state
 * access (read, modify, write) as percentiles, the peak size of the working databases on disk and the
 * peak resident memory of the process.
 *
 * <pre>
 *   java -Xmx1g $(cat perf-lab/target/classes/io/weir/perf/runner/weir-jvm.flags) \
 *        -cp perf-lab/target/benchmarks.jar io.weir.perf.state.LargeStateHarness --state-mb 10240
 * </pre>
 */
public final class LargeStateHarness {
    private static final long SCRAMBLE = 2_654_435_761L;
    private static final ConcurrentHashMap<Long, Probe> PROBES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private LargeStateHarness() {
    }

    /** What the job's subtasks report: the records processed and the latency of each state access. */
    static final class Probe {
        final Recorder latency = new Recorder(3);
        final LongAdder records = new LongAdder();
    }

    /** Reads, changes and writes one key's value; creates it (random bytes) on the first visit. */
    static final class Aggregate extends KeyedProcessFunction<Long, Long, Long> {
        private final long probeId;
        private final int valueBytes;
        private transient ValueState<byte[]> blob;
        private transient Probe probe;

        Aggregate(long probeId, int valueBytes) {
            this.probeId = probeId;
            this.valueBytes = valueBytes;
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            blob = context.getState(new ValueStateDescriptor<>("blob", byte[].class));
            probe = PROBES.get(probeId);
        }

        @Override
        public void processElement(Long key, Context<Long> ctx, Collector<Long> out) throws Exception {
            long start = System.nanoTime();
            byte[] value = blob.value();
            if (value == null) {
                value = new byte[valueBytes];
                new SplittableRandom(key).nextBytes(value);
            }
            long count = 0;
            for (int i = 0; i < 8; i++) {
                count = (count << 8) | (value[i] & 0xFF);
            }
            count++;
            for (int i = 7; i >= 0; i--) {
                value[i] = (byte) count;
                count >>>= 8;
            }
            blob.update(value);
            probe.latency.recordValue(System.nanoTime() - start);
            probe.records.increment();
        }
    }

    public static void main(String[] args) throws Exception {
        long stateMb = Long.parseLong(CheckpointSizeHarness.option(args, "--state-mb", "10240"));
        int valueBytes = Integer.parseInt(CheckpointSizeHarness.option(args, "--value-bytes", "1000"));
        int passes = Integer.parseInt(CheckpointSizeHarness.option(args, "--passes", "2"));
        int parallelism = Integer.parseInt(CheckpointSizeHarness.option(args, "--parallelism", "2"));
        String local = CheckpointSizeHarness.option(args, "--dir", null);
        long keys = stateMb * 1_000_000L / valueBytes;
        long records = keys * passes;
        Path dir = local != null ? Path.of(local) : Files.createTempDirectory("weir-large-state");
        System.out.printf("%d keys x %d bytes = %d MB of state, %d passes = %d records, parallelism %d, max heap %d MB%n",
                keys, valueBytes, stateMb, passes, records, parallelism, Runtime.getRuntime().maxMemory() >> 20);

        long id = IDS.incrementAndGet();
        Probe probe = new Probe();
        PROBES.put(id, probe);
        var env = StreamEnvironment.create().setParallelism(parallelism)
                .configure(StateOptions.STATE_BACKEND, "rocksdb")
                .configure(StateOptions.ROCKSDB_LOCAL_DIRECTORY, dir.toString());
        long keyCount = keys;
        env.fromSequence(0, records - 1)
                .map(i -> (i % keyCount) * SCRAMBLE % keyCount)
                .keyBy(k -> k)
                .process(new Aggregate(id, valueBytes))
                .sinkTo(Sinks.discard());

        Histogram all = new Histogram(3);
        long[] peakDisk = {0};
        long[] peakRss = {0};
        Thread monitor = Thread.ofPlatform().daemon().name("large-state-monitor").start(() -> {
            long last = 0;
            long lastTime = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                long disk = size(dir);
                long rss = rss();
                peakDisk[0] = Math.max(peakDisk[0], disk);
                peakRss[0] = Math.max(peakRss[0], rss);
                long done = probe.records.sum();
                long now = System.nanoTime();
                System.out.printf("  %,d records (%.1f%%), %,.0f records/s, disk %,d MB, rss %,d MB%n", done,
                        100.0 * done / records, (done - last) / ((now - lastTime) / 1e9), disk >> 20, rss >> 20);
                last = done;
                lastTime = now;
            }
        });
        long start = System.nanoTime();
        env.execute("large state");
        long elapsed = System.nanoTime() - start;
        monitor.interrupt();
        monitor.join();
        all.add(probe.latency.getIntervalHistogram());
        PROBES.remove(id);
        System.out.printf("done: %,d records in %.1f s = %,.0f records/s; peak disk %,d MB, peak rss %,d MB%n",
                probe.records.sum(), elapsed / 1e9, probe.records.sum() / (elapsed / 1e9), peakDisk[0] >> 20,
                peakRss[0] >> 20);
        System.out.printf("state access latency (read + write of one %d-byte value): p50 %.1f us, p99 %.1f us, "
                        + "p99.9 %.1f us, max %.1f ms%n", valueBytes, all.getValueAtPercentile(50) / 1e3,
                all.getValueAtPercentile(99) / 1e3, all.getValueAtPercentile(99.9) / 1e3, all.getMaxValue() / 1e6);
    }

    /** Bytes of the files under {@code dir} now. */
    static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0; // deleted meanwhile by a compaction
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The resident memory of this process, in bytes (Linux), or 0. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
