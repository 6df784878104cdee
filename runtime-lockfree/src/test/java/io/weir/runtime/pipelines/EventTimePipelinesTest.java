package io.weir.runtime.pipelines;

import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Event time end to end, on every cell of the matrix, against sequential models. */
class EventTimePipelinesTest {

    static List<RunConfig> configs() {
        return RunConfig.all();
    }

    record Event(String key, long ts) {
    }

    /** Per-event watermarks: highest timestamp so far - 5 - 1 after every event (deterministic). */
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

    static List<Event> events(long seed, int n) {
        Random r = new Random(seed);
        List<Event> events = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(4);
            long jitter = r.nextInt(8);   // out of order by up to 7: some events are behind the watermark
            events.add(new Event("k" + r.nextInt(7), Math.max(0, t - jitter)));
        }
        return events;
    }

    /** Counts a key's events per 10 ms bucket; a timer at the bucket end emits and resets the count. */
    static final class BucketCounter extends KeyedProcessFunction<String, Event, String> {
        private ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Event e, Context<String> ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            ctx.timerService().registerEventTimeTimer(e.ts() / 10 * 10 + 9);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + "=" + count.value());
            count.clear();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldFireEventTimeTimersAsTheSequentialModelDoes(RunConfig config) {
        List<Event> events = events(11, 3_000);
        var env = config.environment();
        CollectSink<String> sink = Sinks.collect();
        // the generator runs at parallelism 1, chained to the source, so every keyed subtask sees one
        // watermark sequence, the model's (at a higher parallelism the records would be rebalanced first)
        env.fromCollection(events).assignTimestampsAndWatermarks(perEvent()).setParallelism(1)
                .keyBy(Event::key).process(new BucketCounter()).sinkTo(sink);
        env.execute("timers");
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(model(events));
    }

    /** The sequential model: same counter, timers fired when the per-event watermark passes them. */
    static List<String> model(List<Event> events) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, TreeMap<Long, Boolean>> timers = new HashMap<>();
        List<String> out = new ArrayList<>();
        long max = Long.MIN_VALUE + 6;
        long wm = Long.MIN_VALUE;
        for (Event e : events) {
            counts.merge(e.key(), 1L, Long::sum);
            timers.computeIfAbsent(e.key(), k -> new TreeMap<>()).put(e.ts() / 10 * 10 + 9, true);
            max = Math.max(max, e.ts());
            if (max - 6 > wm) {
                wm = max - 6;
                fire(wm, counts, timers, out);
            }
        }
        fire(Long.MAX_VALUE, counts, timers, out);
        return out;
    }

    private static void fire(long wm, Map<String, Long> counts, Map<String, TreeMap<Long, Boolean>> timers, List<String> out) {
        for (var entry : timers.entrySet()) {
            var due = entry.getValue().headMap(wm, true);
            for (long t : due.keySet()) {
                out.add(entry.getKey() + "@" + t + "=" + counts.get(entry.getKey()));
                counts.remove(entry.getKey());
            }
            due.clear();
        }
    }

    record Order(String id, long ts) {
    }

    record Payment(String orderId, long ts) {
    }

    /** A static class: an anonymous one would capture the test instance, which is not serializable. */
    static final class Describe extends ProcessJoinFunction<Order, Payment, String> {
        @Override
        public void processElement(Order left, Payment right, Context ctx, Collector<String> out) {
            out.collect(left.id() + ":" + left.ts() + "/" + right.ts() + "@" + ctx.timestamp());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldIntervalJoinEveryPairInsideTheInterval(RunConfig config) {
        Random r = new Random(5);
        List<Order> orders = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            orders.add(new Order("o" + r.nextInt(50), r.nextInt(1_000)));
            payments.add(new Payment("o" + r.nextInt(50), r.nextInt(1_000)));
        }
        var env = config.environment();
        CollectSink<String> sink = Sinks.collect();
        var o = env.fromCollection(orders).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Order>noWatermarks().withTimestampAssigner((x, ts) -> x.ts()));
        var p = env.fromCollection(payments).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Payment>noWatermarks().withTimestampAssigner((x, ts) -> x.ts()));
        o.keyBy(Order::id).intervalJoin(p.keyBy(Payment::orderId))
                .between(Duration.ofMillis(-5), Duration.ofMillis(20))
                .process(new Describe())
                .sinkTo(sink);
        env.execute("interval join");
        List<String> expected = new ArrayList<>();
        for (Order ord : orders) {
            for (Payment pay : payments) {
                if (ord.id().equals(pay.orderId()) && pay.ts() >= ord.ts() - 5 && pay.ts() <= ord.ts() + 20) {
                    expected.add(ord.id() + ":" + ord.ts() + "/" + pay.ts() + "@" + Math.max(ord.ts(), pay.ts()));
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
