package io.weir.perf.windows;

import io.weir.api.JobResult;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.connector.Sinks;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.windowing.assigners.AlignedWindowAssigner;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keyed event-time window benchmarks (a benchmark, not a test): {@link KeyedEventSource} events over
 * {@code keys} distinct keys with steadily advancing timestamps, watermarks for monotonous timestamps,
 * {@code keyBy -> window -> aggregate(count) -> discard}:
 * <ul>
 *   <li>{@code tumbling}: 10 s tumbling windows;</li>
 *   <li>{@code sliding}: 10 s windows sliding by 10 s / {@code size-slide} (default 5: by 2 s), run with
 *       window slicing on and off ({@code window.slicing}) to show what slicing saves; list several
 *       ratios ({@code size-slide=1,2,5,10}) to see how the cost grows with size/slide.</li>
 * </ul>
 * Per configuration: one warm-up run, {@code runs} timed runs (best and median records/s, where a run's
 * rate is its records over the job's duration, start to end, including the windows that the final
 * watermark fires; and the collections during the timed runs), then one probed run that measures the
 * state's heap ({@link HeapProbe}: live heap after a full GC at the peak of state, minus the live heap
 * before).
 *
 * <p>Usage: {@code WindowBenchmark [name=value ...]}, for example
 * {@code WindowBenchmark workloads=tumbling p=1,2 runs=3}. Options and defaults:
 * {@code workloads=tumbling,sliding records=30000000 keys=1000000 per-ms=500 (events per ms of event
 * time: 5,000,000 per 10 s window) runs=3 p=1,2 scheduler=cooperative exchange=object slicing=on,off
 * size-slide=5 (both sliding only; tumbling uses the default, slicing on) heap=true}.
 */
public final class WindowBenchmark {
    static final Duration SIZE = Duration.ofSeconds(10);

    /** One measured configuration. */
    record Result(String workload, int sizeBySlide, boolean slicing, int parallelism, String scheduler, ExchangeMode mode,
                  double bestPerSecond, double medianPerSecond, long collections, long gcMillis, long stateBytes, long keys) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s size/slide=%-2d slicing=%-3s p=%d %-11s %-6s best %6.2f M rec/s"
                            + "  median %6.2f M rec/s  gc %4d (%5d ms)  state %s",
                    workload, sizeBySlide, slicing ? "on" : "off", parallelism, scheduler, mode.name().toLowerCase(Locale.ROOT),
                    bestPerSecond / 1e6, medianPerSecond / 1e6, collections, gcMillis,
                    stateBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB (%d B/key)", stateBytes >> 20, stateBytes / keys));
        }
    }

    /** Counts records: the accumulator is the count. */
    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    private final Map<String, String> options;
    private final long records;
    private final long keys;
    private final long perMilli;

    private WindowBenchmark(Map<String, String> options) {
        this.options = options;
        this.records = number("records", "30000000");
        this.keys = number("keys", "1000000");
        this.perMilli = number("per-ms", "500");
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new WindowBenchmark(options).runAll();
    }

    private void runAll() {
        int runs = (int) number("runs", "3");
        boolean heap = Boolean.parseBoolean(options.getOrDefault("heap", "true"));
        String scheduler = options.getOrDefault("scheduler", "cooperative");
        ExchangeMode mode = ExchangeMode.valueOf(options.getOrDefault("exchange", "object").toUpperCase(Locale.ROOT));
        System.out.printf(Locale.ROOT, "Weir window benchmark: %,d records, %,d keys, %,d records per %d s window, %d runs,"
                        + " %d cores, max heap %,d MB, %s %s%n", records, keys, perMilli * SIZE.toMillis(), SIZE.toSeconds(), runs,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (String workload : list("workloads", "tumbling,sliding")) {
            boolean sliding = workload.equals("sliding");
            for (String ratio : sliding ? list("size-slide", "5") : List.of("1")) {
                for (String slicing : sliding ? list("slicing", "on,off") : List.of("on")) {
                    for (String p : list("p", "1,2")) {
                        System.out.println(measure(workload, Integer.parseInt(ratio), slicing.equals("on"),
                                Integer.parseInt(p), scheduler, mode, runs, heap));
                    }
                }
            }
        }
    }

    private Result measure(String workload, int ratio, boolean slicing, int parallelism, String scheduler, ExchangeMode mode,
                           int runs, boolean heap) {
        AlignedWindowAssigner<Object> assigner = switch (workload) {
            case "tumbling" -> TumblingEventTimeWindows.of(SIZE);
            case "sliding" -> {
                if (SIZE.toMillis() % ratio != 0) {
                    throw new IllegalArgumentException("size-slide must divide " + SIZE.toMillis() + " ms, got " + ratio);
                }
                yield SlidingEventTimeWindows.of(SIZE, SIZE.dividedBy(ratio));
            }
            default -> throw new IllegalArgumentException("unknown workload '" + workload + "': tumbling or sliding");
        };
        run(assigner, slicing, parallelism, scheduler, mode, Math.min(records, 5_000_000L), null);
        List<Double> rates = new ArrayList<>();
        long collections = 0;
        long gcMillis = 0;
        for (int i = 0; i < runs; i++) {
            HeapProbe.liveHeap(); // start each run from a collected heap, not with the previous run's state to clear
            var gc = new HeapProbe.GcCounter();
            double rate = run(assigner, slicing, parallelism, scheduler, mode, records, null);
            collections += gc.collections();
            gcMillis += gc.gcMillis();
            System.out.printf(Locale.ROOT, "  (%s, slicing %s, p=%d: run %d %.2f M rec/s)%n", assigner, slicing ? "on" : "off",
                    parallelism, i + 1, rate / 1e6);
            rates.add(rate);
        }
        rates.sort(null);
        long state = -1;
        if (heap) {
            var probe = new HeapProbe();
            run(assigner, slicing, parallelism, scheduler, mode, records, probe);
            state = probe.stateBytes();
        }
        return new Result(workload, ratio, slicing, parallelism, scheduler, mode, rates.getLast(), rates.get((rates.size() - 1) / 2),
                collections, gcMillis, state, keys);
    }

    /** One run; returns records per second. {@code probe}: measure the heap at the peak of state. */
    private double run(AlignedWindowAssigner<Object> assigner, boolean slicing, int parallelism, String scheduler,
                       ExchangeMode mode, long count, HeapProbe probe) {
        var env = StreamEnvironment.create()
                .setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.IDLE_STRATEGY, IdleStrategyKind.BACKOFF)
                .configure(ExecutionOptions.CHANNEL_CAPACITY, 64)
                .configure(ExecutionOptions.WINDOW_SLICING, slicing);
        // the peak of state: the last millisecond before the last window boundary in the input, once a
        // whole window's worth of event time has passed (state then holds every key in every open window)
        long boundary = count / perMilli / assigner.slide() * assigner.slide();
        long probeAt = boundary >= assigner.size() ? (boundary - 1) * perMilli : -1;
        var source = new KeyedEventSource(count, keys, perMilli, probeAt, probe == null ? null : probe::probe);
        env.fromSource(source, WatermarkStrategy.<Long>forMonotonousTimestamps(), "keyed events")
                .keyBy((Long key) -> key)
                .window(assigner)
                .aggregate(new Count())
                .sinkTo(Sinks.discard());
        JobResult result = env.execute(assigner.toString());
        return count / (result.duration().toNanos() / 1e9);
    }

    private long number(String name, String otherwise) {
        return Long.parseLong(options.getOrDefault(name, otherwise).replace("_", ""));
    }

    private List<String> list(String name, String otherwise) {
        return Arrays.asList(options.getOrDefault(name, otherwise).split(","));
    }
}
