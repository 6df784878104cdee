package io.weir.runtime.pipelines;

import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.OutputTag;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.runtime.pipelines.EventTimePipelinesTest.Event;
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

/**
 * Windows end to end on every cell of the matrix, against sequential models of Flink's window semantics
 * (per-event watermarks from a single generator, so every keyed subtask sees the model's watermarks).
 */
class WindowPipelinesTest {

    static List<RunConfig> configs() {
        return RunConfig.all();
    }

    record Count(String key, long windowEnd, long count) {
    }

    /** Tumbling 10 ms counts with 5 ms allowed lateness: late records within it re-fire; beyond it, side output. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldCountTumblingWindowsWithLatenessAsFlinkDoes(RunConfig config) {
        List<Event> events = withStragglers(EventTimePipelinesTest.events(3, 4_000), new Random(4));
        var env = config.environment();
        CollectSink<Count> results = Sinks.collect();
        CollectSink<Event> late = Sinks.collect();
        OutputTag<Event> lateTag = new OutputTag<>("late", Event.class);
        DataStream<Count> counts = env.fromCollection(events)
                .assignTimestampsAndWatermarks(EventTimePipelinesTest.perEvent()).setParallelism(1)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(lateTag)
                .aggregate(new CountEvents(), new WithWindowEnd());
        counts.sinkTo(results);
        counts.getSideOutput(lateTag).sinkTo(late);
        env.execute("tumbling");

        // the model: Flink's WindowOperator with EventTimeTrigger and allowed lateness
        Map<String, TreeMap<Long, Long>> state = new HashMap<>();
        List<Count> expected = new ArrayList<>();
        List<Event> expectedLate = new ArrayList<>();
        long max = Long.MIN_VALUE + 6;
        long wm = Long.MIN_VALUE;
        for (Event e : events) {
            long start = e.ts() - Math.floorMod(e.ts(), 10);
            long maxTs = start + 9;
            if (maxTs + 5 <= wm) {
                expectedLate.add(e);
            } else {
                long c = state.computeIfAbsent(e.key(), k -> new TreeMap<>()).merge(start, 1L, Long::sum);
                if (maxTs <= wm) {
                    expected.add(new Count(e.key(), start + 10, c));   // late but within lateness: re-fire
                }
            }
            max = Math.max(max, e.ts());
            long next = max - 6;
            if (next > wm) {
                for (var perKey : state.entrySet()) {
                    for (var w : perKey.getValue().entrySet()) {
                        long end = w.getKey() + 10;
                        if (end - 1 > wm && end - 1 <= next) {
                            expected.add(new Count(perKey.getKey(), end, w.getValue()));
                        }
                    }
                    perKey.getValue().headMap(next - 5 - 9, true).clear();   // cleanup at maxTs + lateness
                }
                wm = next;
            }
        }
        for (var perKey : state.entrySet()) {
            for (var w : perKey.getValue().entrySet()) {
                if (w.getKey() + 9 > wm) {
                    expected.add(new Count(perKey.getKey(), w.getKey() + 10, w.getValue()));
                }
            }
        }
        assertThat(expectedLate).isNotEmpty();
        assertThat((long) expected.size()).isGreaterThan(expected.stream().map(c -> c.key() + c.windowEnd()).distinct().count());
        assertThat(results.results()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(late.results()).containsExactlyInAnyOrderElementsOf(expectedLate);
    }

    /** Without a late-data side output, records beyond the lateness are counted as dropped in the metrics. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldCountDroppedLateRecordsInMetrics(RunConfig config) {
        List<Event> events = withStragglers(EventTimePipelinesTest.events(3, 4_000), new Random(4));
        var env = config.environment();
        env.fromCollection(events)
                .assignTimestampsAndWatermarks(EventTimePipelinesTest.perEvent()).setParallelism(1)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .aggregate(new CountEvents(), new WithWindowEnd()).name("counts")
                .sinkTo(Sinks.discard());
        var result = env.execute("dropped");
        long expectedLate = 0;
        long max = Long.MIN_VALUE + 6;
        long wm = Long.MIN_VALUE;
        for (Event e : events) {
            long maxTs = e.ts() - Math.floorMod(e.ts(), 10) + 9;
            if (maxTs + 5 <= wm) {
                expectedLate++;
            }
            max = Math.max(max, e.ts());
            wm = Math.max(wm, max - 6);
        }
        assertThat(expectedLate).isPositive();
        assertThat(result.metrics().lateRecordsDropped("counts")).isEqualTo(expectedLate);
    }

    /** Delays one event in twenty by 8 to 20 ms: some land within the allowed lateness, some beyond it. */
    static List<Event> withStragglers(List<Event> events, Random r) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            out.add(r.nextInt(20) == 0 ? new Event(e.key(), Math.max(0, e.ts() - 8 - r.nextInt(13))) : e);
        }
        return out;
    }

    /** Sliding 20 ms / 5 ms sums with no watermarks: every window fires once at the end of input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldSumSlidingWindows(RunConfig config) {
        List<Event> events = EventTimePipelinesTest.events(9, 3_000);
        var env = config.environment();
        CollectSink<Count> results = Sinks.collect();
        env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>noWatermarks().withTimestampAssigner((e, t) -> e.ts()))
                .keyBy(Event::key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(5)))
                .aggregate(new CountEvents(), new WithWindowEnd())
                .sinkTo(results);
        env.execute("sliding");
        Map<String, Map<Long, Long>> expected = new HashMap<>();
        for (Event e : events) {
            long lastStart = e.ts() - Math.floorMod(e.ts(), 5);
            for (long start = lastStart; start > e.ts() - 20; start -= 5) {
                expected.computeIfAbsent(e.key(), k -> new HashMap<>()).merge(start + 20, 1L, Long::sum);
            }
        }
        List<Count> flat = new ArrayList<>();
        expected.forEach((k, m) -> m.forEach((end, c) -> flat.add(new Count(k, end, c))));
        assertThat(results.results()).containsExactlyInAnyOrderElementsOf(flat);
    }

    /** Session windows with a 3 ms gap, whole-window process function: sessions as a sequential merge computes them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldMergeSessionWindows(RunConfig config) {
        List<Event> events = EventTimePipelinesTest.events(21, 2_000);
        var env = config.environment();
        CollectSink<String> results = Sinks.collect();
        env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>noWatermarks().withTimestampAssigner((e, t) -> e.ts()))
                .keyBy(Event::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(3)))
                .process(new DescribeSession())
                .sinkTo(results);
        env.execute("sessions");
        Map<String, List<Long>> byKey = new HashMap<>();
        for (Event e : events) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.ts());
        }
        List<String> expected = new ArrayList<>();
        byKey.forEach((key, ts) -> {
            ts.sort(null);
            long start = ts.getFirst();
            long end = start + 3;
            int n = 0;
            for (long t : ts) {
                if (t > end) {   // Flink's TimeWindow.intersects: [t, t+3) touches [start, end) when t <= end
                    expected.add(key + "[" + start + "," + end + ")=" + n);
                    start = t;
                    n = 0;
                }
                end = Math.max(end, t + 3);
                n++;
            }
            expected.add(key + "[" + start + "," + end + ")=" + n);
        });
        assertThat(results.results()).containsExactlyInAnyOrderElementsOf(expected);
    }

    record Bid(String auction, long ts, int price) {
    }

    record Auction(String id, long ts, String seller) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldJoinTwoStreamsInTumblingWindows(RunConfig config) {
        Random r = new Random(17);
        List<Bid> bids = new ArrayList<>();
        List<Auction> auctions = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            bids.add(new Bid("a" + r.nextInt(30), r.nextInt(500), r.nextInt(100)));
        }
        for (int i = 0; i < 60; i++) {
            auctions.add(new Auction("a" + r.nextInt(30), r.nextInt(500), "s" + i));
        }
        var env = config.environment();
        CollectSink<String> results = Sinks.collect();
        var b = env.fromCollection(bids).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Bid>noWatermarks().withTimestampAssigner((x, t) -> x.ts()));
        var a = env.fromCollection(auctions).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Auction>noWatermarks().withTimestampAssigner((x, t) -> x.ts()));
        b.join(a).where(Bid::auction).equalTo(Auction::id)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .apply((bid, auction) -> bid.auction() + ":" + bid.price() + "/" + auction.seller())
                .sinkTo(results);
        env.execute("window join");
        List<String> expected = new ArrayList<>();
        for (Bid bid : bids) {
            for (Auction auction : auctions) {
                if (bid.auction().equals(auction.id()) && bid.ts() / 100 == auction.ts() / 100) {
                    expected.add(bid.auction() + ":" + bid.price() + "/" + auction.seller());
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(results.results()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static final class CountEvents implements AggregateFunction<Event, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Event value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class WithWindowEnd extends ProcessWindowFunction<Long, Count, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Long> counts, Collector<Count> out) {
            out.collect(new Count(key, context.window().end(), counts.iterator().next()));
        }
    }

    static final class DescribeSession extends ProcessWindowFunction<Event, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Event> events, Collector<String> out) {
            int n = 0;
            for (Event ignored : events) {
                n++;
            }
            out.collect(key + "[" + context.window().start() + "," + context.window().end() + ")=" + n);
        }
    }
}
