package io.weir.state.rocksdb;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.config.StateOptions;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs end to end with {@code state.backend=rocksdb}: keyed state of every kind, event-time timers and
 * windows give exactly the heap backend's results (timers in RocksDB and on the heap); and a job that
 * checkpoints, fails and recovers from its checkpoint with RocksDB state ends with the right state.
 */
class EndToEndJobTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    record Event(String key, long ts, int value) {
    }

    static List<Event> events(long seed, int n) {
        Random r = new Random(seed);
        List<Event> events = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(4);
            events.add(new Event("k" + r.nextInt(40), Math.max(0, t - r.nextInt(8)), r.nextInt(100)));
        }
        return events;
    }

    static WatermarkStrategy<Event> perEvent() {
        return WatermarkStrategy.<Event>forGenerator(clock -> new WatermarkGenerator<>() {
            long max = Long.MIN_VALUE + 6;

            @Override
            public void onEvent(Event event, long ts, WatermarkOutput output) {
                max = Math.max(max, ts);
                output.emitWatermark(max - 6);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((e, ts) -> e.ts());
    }

    /** Uses value, list and map state and event-time timers; emits a summary when a bucket's timer fires. */
    static final class Summaries extends KeyedProcessFunction<String, Event, String> {
        private ValueState<Long> total;
        private ListState<Integer> recent;
        private MapState<Long, Integer> perBucket;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            total = context.getState(new ValueStateDescriptor<>("total", Long.class));
            recent = context.getListState(new ListStateDescriptor<>("recent", Integer.class));
            perBucket = context.getMapState(new MapStateDescriptor<>("buckets", Long.class, Integer.class));
        }

        @Override
        public void processElement(Event e, Context<String> ctx, Collector<String> out) throws Exception {
            Long t = total.value();
            total.update((t == null ? 0 : t) + e.value());
            recent.add(e.value());
            long bucket = e.ts() / 20 * 20 + 19;
            Integer c = perBucket.get(bucket);
            perBucket.put(bucket, c == null ? 1 : c + 1);
            ctx.timerService().registerEventTimeTimer(bucket);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
            int n = 0;
            long sum = 0;
            for (int v : recent.get()) {
                n++;
                sum += v;
            }
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " total=" + total.value() + " recent=" + n + "/" + sum
                    + " bucket=" + perBucket.get(timestamp));
            perBucket.remove(timestamp);
            recent.clear();
        }
    }

    private List<String> run(String backend, List<Event> events) {
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(StateOptions.STATE_BACKEND, backend)
                .configure(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.resolve("local").toString());
        CollectSink<String> sink = Sinks.collect();
        var timed = env.fromCollection(events).assignTimestampsAndWatermarks(perEvent()).setParallelism(1);
        timed.keyBy(Event::key).process(new Summaries()).sinkTo(sink);
        timed.keyBy(Event::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
                .reduce((a, b) -> new Event(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value()))
                .map(e -> "window " + e.key() + " " + e.value()).sinkTo(sink);
        env.execute("summaries on " + backend);
        return sink.results();
    }

    @Test
    void shouldGiveTheHeapBackendsResultsWithTimersInRocksDbAndOnTheHeap() {
        List<Event> events = events(3, 20_000);
        List<String> heap = run("heap", events);
        assertThat(heap).hasSizeGreaterThan(1_000);
        assertThat(run("rocksdb", events)).containsExactlyInAnyOrderElementsOf(heap);
        assertThat(run(HeapTimersRocksDbFactory.NAME, events)).containsExactlyInAnyOrderElementsOf(heap);
    }

    /** Throws once, at the first call at {@code point} after {@code armed} is set. */
    static final class FailOnce implements FaultInjector {
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicBoolean fired = new AtomicBoolean();

        @Override
        public void at(FaultPoint p, String task, int subtask, long detail) {
            if (p == FaultPoint.USER_FUNCTION && armed.get() && fired.compareAndSet(false, true)) {
                throw new FaultInjector.InjectedFailure("injected at " + p + " in " + task);
            }
        }
    }

    @Test
    void shouldRecoverRocksDbStateFromACheckpointAfterAFailure() throws Exception {
        long last = 6_000;
        GatedSource source = new GatedSource(last);
        CollectSink<String> sink = Sinks.collect();
        FailOnce faults = new FailOnce();
        var env = StreamEnvironment.create().setParallelism(2)
                .configure(StateOptions.STATE_BACKEND, "rocksdb")
                .configure(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.resolve("local").toString())
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, directory.resolve("checkpoints").toString())
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO)
                .configure(FaultInjector.OPTION, faults);
        env.fromSource(source, "gated").setParallelism(1)
                .map(x -> x * 7).uid("times-seven").setParallelism(1)
                .keyBy(x -> x % 5)
                .reduce(Long::sum).uid("sum")
                .map(x -> "sum=" + x).uid("format")
                .sinkTo(sink);
        JobClient job = env.executeAsync("rocksdb recovery");
        source.release(2_000, BOUND);
        CheckpointInfo first = job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(3_000, BOUND);
        faults.armed.set(true);
        source.open(last);
        job.await(BOUND);

        assertThat(faults.fired).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        // a non-transactional sink sees replayed records twice, but every sum is one the failure-free run
        // gives (a lost or doubled update of the restored state would give others), and none is missing
        Map<Long, Long> sums = new HashMap<>();
        Set<String> expected = new HashSet<>();
        for (long x = 1; x <= last; x++) {
            long v = x * 7;
            expected.add("sum=" + sums.merge(v % 5, v, Long::sum));
        }
        assertThat(new HashSet<>(sink.results())).isEqualTo(expected);
    }
}
