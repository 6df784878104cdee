package io.weir.perf.throughput;

import io.weir.api.JobResult;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.connector.Sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs whole pipelines as fast as they go and prints records per second (a benchmark, not a test):
 * <ul>
 *   <li>{@code chained}: {@code fromSequence -> map -> filter -> discard}, all chained into one task;</li>
 *   <li>{@code keyed}: {@code fromSequence -> map -> keyBy -> reduce -> discard}, through the keyed exchange.</li>
 * </ul>
 * Each pipeline runs at parallelism 1 and 2 on both schedulers (and both exchange modes for the keyed
 * one): one warm-up run, then {@code runs} measured runs; the best and median rates are printed.
 *
 * <p>Usage: {@code ThroughputHarness [records] [runs] [pipeline...]}; defaults 50,000,000 records and 5 runs.
 */
public final class ThroughputHarness {

    /** One measured configuration. */
    public record Result(String pipeline, String scheduler, ExchangeMode mode, int parallelism, long records,
                         double bestPerSecond, double medianPerSecond) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s %-12s %-10s p=%d  best %7.2f M rec/s  median %7.2f M rec/s",
                    pipeline, scheduler, mode.name().toLowerCase(Locale.ROOT), parallelism,
                    bestPerSecond / 1e6, medianPerSecond / 1e6);
        }
    }

    private ThroughputHarness() {
    }

    public static void main(String[] args) {
        long records = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 50_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> pipelines = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("chained", "keyed");
        System.out.printf(Locale.ROOT, "Weir throughput harness: %,d records, %d runs, %d cores, %s %s%n", records, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (String pipeline : pipelines) {
            for (int p : new int[]{1, 2}) {
                for (String scheduler : List.of("dedicated", "cooperative")) {
                    List<ExchangeMode> modes = pipeline.equals("keyed") ? List.of(ExchangeMode.OBJECT, ExchangeMode.SERIALIZED)
                            : List.of(ExchangeMode.OBJECT);
                    for (ExchangeMode mode : modes) {
                        System.out.println(measure(pipeline, scheduler, mode, p, records, runs));
                    }
                }
            }
        }
    }

    /** Runs one configuration: a warm-up and {@code runs} measured runs. */
    public static Result measure(String pipeline, String scheduler, ExchangeMode mode, int parallelism, long records, int runs) {
        run(pipeline, scheduler, mode, parallelism, Math.min(records, 5_000_000L));
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rates.add(run(pipeline, scheduler, mode, parallelism, records));
        }
        rates.sort(null);
        return new Result(pipeline, scheduler, mode, parallelism, records, rates.getLast(), rates.get(rates.size() / 2));
    }

    private static double run(String pipeline, String scheduler, ExchangeMode mode, int parallelism, long records) {
        var env = StreamEnvironment.create()
                .setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.IDLE_STRATEGY, IdleStrategyKind.BACKOFF)
                .configure(ExecutionOptions.CHANNEL_CAPACITY, 64);
        var numbers = env.fromSequence(1, records);
        switch (pipeline) {
            case "chained" -> numbers.map(x -> x + 1).filter(x -> (x & 1) == 0).sinkTo(Sinks.discard());
            case "keyed" -> numbers.map(x -> x * 31).keyBy(x -> x & 1023).reduce(Long::sum).sinkTo(Sinks.discard());
            default -> throw new IllegalArgumentException("unknown pipeline '" + pipeline + "': chained or keyed");
        }
        JobResult result = env.execute(pipeline);
        return records / (result.duration().toNanos() / 1e9);
    }
}
