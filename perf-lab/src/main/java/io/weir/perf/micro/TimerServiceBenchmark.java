package io.weir.perf.micro;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.state.VoidNamespace;
import io.weir.runtime.timers.InternalTimer;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.runtime.timers.Triggerable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Event-time timers: one op = registering one timer and, amortized, firing it. An invocation registers
 * {@value #BATCH} timers, each for the next key of a seeded random sequence over {@code keys} distinct
 * {@code Long} keys (boxed once, up front) at a random time within the next {@value #SPAN_MS} ms, then
 * advances the watermark past all of them, which fires each distinct (key, time) once, in time order. With
 * 10,000 keys and 100 distinct times, a few per cent of the registrations repeat a pending (key, time) and
 * are absorbed by de-duplication, as in Flink.
 * <ul>
 *   <li>{@code weir}: the runtime's timer service, {@link KeyedStateManager#timerService} (the current key
 *       set with {@link KeyedStateManager#setCurrentKey}, as an operator does per record, which also
 *       computes the key group) and {@link KeyedStateManager#advanceWatermark}, over the
 *       {@code backend}'s timer store;</li>
 *   <li>{@code jdkPriorityQueue}: the JDK floor, a {@link PriorityQueue} of (time, key) ordered by time
 *       with a {@link HashSet} beside it for de-duplication; firing polls the queue up to the watermark
 *       and removes each timer from the set. Not key-grouped, not snapshotable.</li>
 * </ul>
 *
 * <pre>
 *   java -jar perf-lab/target/benchmarks.jar TimerServiceBenchmark -f 1 -wi 2 -i 3 -r 2s -w 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TimerServiceBenchmark {
    static final int BATCH = 10_000;
    static final int SPAN_MS = 100;

    @Param({"10000"})
    public int keys;

    private Long[] keySequence;
    private long[] offsets;
    private long base;
    private long fired;

    private final PriorityQueue<Timer> queue = new PriorityQueue<>(Comparator.comparingLong(Timer::time));
    private final HashSet<Timer> pending = new HashSet<>();

    /** A baseline timer. */
    record Timer(long time, Long key) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        keySequence = new Long[BATCH];
        offsets = new long[BATCH];
        for (int i = 0; i < BATCH; i++) {
            keySequence[i] = (long) random.nextInt(keys);
            offsets[i] = random.nextInt(SPAN_MS);
        }
    }

    /** The runtime's timer service over one state backend (a separate state, so the baseline runs once). */
    @State(Scope.Thread)
    public static class Service {
        @Param({"heap", "rocksdb"})
        public String backend;

        long fired;
        private Path local;
        KeyedStateManager state;
        InternalTimerService<VoidNamespace> timers;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            local = Files.createTempDirectory("weir-timer-bench");
            Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, backend)
                    .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, local.toString());
            state = KeyedStateManager.create(configuration, new CodecRegistry(), "timers", 0, 1, 128, System::currentTimeMillis);
            timers = state.timerService("bench", VoidNamespace.CODEC, new Triggerable<>() {
                @Override
                public void onEventTime(InternalTimer<VoidNamespace> timer) {
                    fired++;
                }

                @Override
                public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            state.close();
            try (var walk = Files.walk(local)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long weir(Service service) {
        for (int i = 0; i < BATCH; i++) {
            service.state.setCurrentKey(keySequence[i]);
            service.timers.registerEventTimeTimer(VoidNamespace.INSTANCE, base + offsets[i]);
        }
        base += SPAN_MS;
        service.state.advanceWatermark(base - 1);
        return service.fired;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jdkPriorityQueue() {
        for (int i = 0; i < BATCH; i++) {
            Timer timer = new Timer(base + offsets[i], keySequence[i]);
            if (pending.add(timer)) {
                queue.add(timer);
            }
        }
        base += SPAN_MS;
        long watermark = base - 1;
        while (!queue.isEmpty() && queue.peek().time() <= watermark) {
            pending.remove(queue.poll());
            fired++;
        }
        return fired;
    }

    /** Timers the baseline fired so far (for the smoke test). */
    long fired() {
        return fired;
    }
}
