package io.weir.perf.micro;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.window.AbstractWindowOperator;
import io.weir.runtime.operators.window.SliceTableWindowOperator;
import io.weir.runtime.operators.window.WindowDefinition;
import io.weir.runtime.state.KeyedStateManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Per-record cost of a keyed event-time tumbling count (10 s windows), one op = one record: the record's key
 * is the next of a fixed sequence of {@code 2^20} keys drawn at random (seeded) from {@code keys} distinct
 * {@code Long}s (boxed once, up front); event time advances by 1 ms every {@code perMs} records, and every
 * 1,024 records a watermark of the current time minus one follows, so that each op also carries its share of
 * firing the windows (one result per key and window) and of clearing their state.
 * <ul>
 *   <li>{@code weir}: Weir's window operator for the heap backend, {@link SliceTableWindowOperator} (what
 *       the runtime picks for a sliceable window on heap state), over a heap-backed
 *       {@link KeyedStateManager}, with a count {@link AggregateFunction}; results go to a counting
 *       {@link Output}. The operator is driven directly, as its task would: no source, no exchange.</li>
 *   <li>{@code jdkHashMap}: the JDK floor for the same work, a {@code HashMap<Long, Long>} per window
 *       updated with {@code merge(key, 1L, Long::sum)}; at the same watermarks, a window whose end has passed
 *       hands every count to the same counting sink and is dropped. No key groups, no checkpointable
 *       state, no lateness handling: what a single-threaded program without fault tolerance would do.</li>
 * </ul>
 *
 * <pre>
 *   java -jar perf-lab/target/benchmarks.jar WindowAggregationBenchmark -f 1 -wi 2 -i 3 -r 2s -w 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WindowAggregationBenchmark {
    static final long WINDOW_MS = 10_000;
    private static final int SEQUENCE = 1 << 20;
    private static final int WATERMARK_EVERY = 1 << 10;

    /** Distinct keys. */
    @Param({"1000000"})
    public int keys;

    /** Records per millisecond of event time (500: 5 M records per 10 s window). */
    @Param({"500"})
    public int perMs;

    private Long[] sequence;
    private long next;
    private long emitted;

    private KeyedStateManager state;
    private AbstractWindowOperator operator;

    private final Map<Long, Map<Long, Long>> windows = new HashMap<>();

    /** A count of the records of a window. */
    public static final class Count implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] accumulator) {
            accumulator[0]++;
            return accumulator;
        }

        @Override
        public Long getResult(long[] accumulator) {
            return accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        sequence = new Long[SEQUENCE];
        for (int i = 0; i < SEQUENCE; i++) {
            sequence[i] = (long) random.nextInt(keys);
        }
        CodecRegistry codecs = new CodecRegistry();
        state = KeyedStateManager.create(new Configuration().set(StateOptions.STATE_BACKEND, "heap"), codecs,
                "window", 0, 1, 128, System::currentTimeMillis);
        KeySelector<Long, Long> identity = key -> key;
        WindowDefinition definition = WindowDefinition.of(identity, TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)),
                null, 0, null, new WindowFunctionSpec.Aggregate(new Count(), null), Long.class);
        operator = new SliceTableWindowOperator(definition);
        Output sink = new Output() {
            @Override
            public void emit(Object value, long timestamp) {
                emitted++;
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void emitWatermarkStatus(boolean idle) {
            }
        };
        operator.open(new OperatorContext("bench", "window", 0, 1, 128, sink, Map.of(), System::currentTimeMillis,
                codecs, state));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        operator.close();
        state.close();
    }

    @Benchmark
    public long weir() {
        long i = next++;
        long timestamp = i / perMs;
        operator.processRecord(sequence[(int) (i & (SEQUENCE - 1))], timestamp);
        if ((i & (WATERMARK_EVERY - 1)) == WATERMARK_EVERY - 1) {
            operator.processWatermark(timestamp - 1);
        }
        return emitted;
    }

    @Benchmark
    public long jdkHashMap() {
        long i = next++;
        long timestamp = i / perMs;
        long windowStart = timestamp - Math.floorMod(timestamp, WINDOW_MS);
        windows.computeIfAbsent(windowStart, start -> new HashMap<>())
                .merge(sequence[(int) (i & (SEQUENCE - 1))], 1L, Long::sum);
        if ((i & (WATERMARK_EVERY - 1)) == WATERMARK_EVERY - 1) {
            fireUpTo(timestamp - 1);
        }
        return emitted;
    }

    /** Emits and drops every baseline window whose last millisecond is {@code <= watermark}. */
    private void fireUpTo(long watermark) {
        var it = windows.entrySet().iterator();
        while (it.hasNext()) {
            var window = it.next();
            if (window.getKey() + WINDOW_MS - 1 <= watermark) {
                for (Long count : window.getValue().values()) {
                    emitted += count > 0 ? 1 : 0;
                }
                it.remove();
            }
        }
    }

    /** Results emitted so far (for the smoke test). */
    long emitted() {
        return emitted;
    }
}
