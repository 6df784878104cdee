package io.weir.perf.nexmark;

import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.config.StateOptions;
import io.weir.connectors.datagen.EventTime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark run's settings.
 *
 * @param workload           the query
 * @param events             events to generate, {@code >= 1}
 * @param rate               events per second for a latency run; 0 for a throughput run (as fast as possible)
 * @param parallelism        parallelism of every operator (and the number of source splits)
 * @param seed               the generator's seed
 * @param scheduler          scheduler name ({@code cooperative}, {@code dedicated} or a plugin's)
 * @param idleStrategy       what scheduler threads do without work
 * @param exchange           how records cross between tasks
 * @param stateBackend       state backend name ({@code heap}, {@code rocksdb})
 * @param checkpointInterval time between checkpoints; zero: none
 * @param warmup             throughput runs: events of a warm-up run in the same JVM before the measured one (0: none);
 *                           latency runs: results closed by the first {@code warmup} events are left out of the
 *                           histogram and the kept-up fraction
 * @param options            further configuration options ({@code key=value}, as {@code weir run -D})
 * @param notes              free text for the summary
 */
public record BenchConfig(Workload workload, long events, long rate, int parallelism, long seed, String scheduler,
                          IdleStrategyKind idleStrategy, ExchangeMode exchange, String stateBackend,
                          Duration checkpointInterval, long warmup, Map<String, String> options, String notes) {
    /** Seconds of a latency run that are warm-up by default (the run-folder contract's convention). */
    public static final long LATENCY_WARMUP_SECONDS = 5;

    public BenchConfig {
        Objects.requireNonNull(workload, "workload");
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, was " + events);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0 (0: as fast as possible), was " + rate);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up must be >= 0, was " + warmup);
        }
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("checkpoint interval must not be negative, was " + checkpointInterval);
        }
        options = Map.copyOf(options);
        notes = notes == null ? "" : notes;
    }

    /** The defaults for {@code workload}: a throughput run of 10 M events at parallelism 1, cooperative, backoff, heap. */
    public static BenchConfig defaults(Workload workload) {
        return new BenchConfig(workload, 10_000_000, 0, 1, 42, "cooperative", IdleStrategyKind.BACKOFF, ExchangeMode.OBJECT,
                "heap", Duration.ZERO, 2_000_000, Map.of(), "");
    }

    /** {@code "latency"} for a paced run, else {@code "throughput"}. */
    public String mode() {
        return rate > 0 ? "latency" : "throughput";
    }

    /** {@code true} for a paced run. */
    public boolean latencyMode() {
        return rate > 0;
    }

    /** This configuration with {@code events} events. */
    public BenchConfig withEvents(long newEvents) {
        return new BenchConfig(workload, newEvents, rate, parallelism, seed, scheduler, idleStrategy, exchange, stateBackend,
                checkpointInterval, warmup, options, notes);
    }

    /** The job's configuration. */
    Configuration toConfiguration() {
        Configuration configuration = new Configuration();
        options.forEach(configuration::setString);
        configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        configuration.set(ExecutionOptions.SCHEDULER, scheduler);
        configuration.set(ExecutionOptions.IDLE_STRATEGY, idleStrategy);
        configuration.set(ExecutionOptions.EXCHANGE_MODE, exchange);
        configuration.set(StateOptions.STATE_BACKEND, stateBackend);
        configuration.set(RecoveryOptions.CHECKPOINT_INTERVAL, checkpointInterval);
        return configuration;
    }

    /**
     * The event time as the Flink runner's summary gives it ({@code start 1767225600000 ms, 1000 ns per event,
     * out-of-orderness 0 ms, late fraction 0.0}), so that reports can check that two runs used the same.
     */
    static String eventTimeText(EventTime eventTime) {
        return "start " + eventTime.startMillis() + " ms, " + eventTime.intervalNanos() + " ns per event, out-of-orderness "
                + eventTime.outOfOrdernessMs() + " ms, late fraction " + eventTime.lateFraction();
    }

    /** The settings as text, for the run's summary. */
    public Map<String, String> describe() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(ExecutionOptions.SCHEDULER.key(), scheduler);
        map.put(ExecutionOptions.IDLE_STRATEGY.key(), idleStrategy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        map.put(ExecutionOptions.EXCHANGE_MODE.key(), exchange.name().toLowerCase(Locale.ROOT));
        map.put(StateOptions.STATE_BACKEND.key(), stateBackend);
        map.put("checkpoint.interval-ms", Long.toString(checkpointInterval.toMillis()));
        map.put("seed", Long.toString(seed));
        map.put("warmup", Long.toString(warmup));
        map.put("watermarks", "monotonous, emitted on every event that advances them");
        map.put("event-time-rate", Long.toString(rate > 0 ? rate : Schedule.DEFAULT_EVENT_TIME_RATE));
        map.put("eventTime", eventTimeText(Schedule.eventTimeFor(rate)));
        options.forEach(map::put);
        if (options.containsKey(CheckpointOptions.CHECKPOINT_DIRECTORY.key())) {
            map.put(CheckpointOptions.CHECKPOINT_DIRECTORY.key(), options.get(CheckpointOptions.CHECKPOINT_DIRECTORY.key()));
        }
        return map;
    }
}
