package io.weir.runtime.operators.window;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.OutputTag;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Windowed jobs end to end: keyBy, window, function, late-data side output, on the real runtime. */
class WindowPipelineTest {

    /** A sale: shop, amount, event time. */
    record Sale(String shop, long amount, long ts) {
    }

    /** Sums amounts. */
    static final class Total implements AggregateFunction<Sale, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Sale value, long[] acc) {
            acc[0] += value.amount();
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** Formats {@code shop[start,end)=total}. */
    static final class Format extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String shop, Context context, Iterable<Long> totals, Collector<String> out) {
            TimeWindow w = context.window();
            out.collect(shop + "[" + w.start() + "," + w.end() + ")=" + totals.iterator().next());
        }
    }

    /** Watermark = timestamp - 1 after every record (punctuated), so lateness does not depend on timing. */
    static WatermarkStrategy<Sale> punctuated() {
        return WatermarkStrategy.<Sale>forGenerator(clock -> new WatermarkGenerator<>() {
            private long max = Long.MIN_VALUE;

            @Override
            public void onEvent(Sale event, long timestamp, WatermarkOutput output) {
                max = Math.max(max, timestamp);
                output.emitWatermark(max - 1);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((sale, previous) -> sale.ts());
    }

    private static StreamEnvironment environment(int parallelism, ExchangeMode mode) {
        return StreamEnvironment.create().setParallelism(parallelism)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.WATCHDOG_TIMEOUT, Duration.ofSeconds(60));
    }

    @ParameterizedTest(name = "p={0} {1} size={2} slide={3}")
    @CsvSource({"1, OBJECT, 10, 10", "4, OBJECT, 10, 10", "4, SERIALIZED, 10, 10", "2, OBJECT, 30, 10", "4, SERIALIZED, 25, 10"})
    void shouldSumEveryWindowOfEveryShop(int parallelism, ExchangeMode mode, long size, long slide) {
        Random random = new Random(7);
        List<Sale> sales = new ArrayList<>();
        for (long ts = 0; ts < 2_000; ts++) {
            sales.add(new Sale("shop" + random.nextInt(5), 1 + random.nextInt(100), ts));
        }
        var env = environment(parallelism, mode);
        CollectSink<String> sink = Sinks.collect();
        env.fromCollection(sales).assignTimestampsAndWatermarks(punctuated())
                .keyBy(Sale::shop)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide)))
                .aggregate(new Total(), new Format())
                .sinkTo(sink);
        env.execute("window sums");

        Map<String, Long> expected = new TreeMap<>();
        for (Sale s : sales) {
            for (long start = Math.floorDiv(s.ts(), slide) * slide; start > s.ts() - size; start -= slide) {
                expected.merge(s.shop() + "[" + start + "," + (start + size) + ")", s.amount(), Long::sum);
            }
        }
        List<String> lines = expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(lines);
    }

    @Test
    void shouldSendLateSalesToTheSideOutput() {
        List<Sale> sales = List.of(new Sale("a", 1, 1), new Sale("a", 2, 5), new Sale("a", 4, 12),
                new Sale("a", 8, 25), new Sale("a", 16, 3), new Sale("a", 32, 14), new Sale("a", 64, 26));
        var env = environment(1, ExchangeMode.OBJECT);
        OutputTag<Sale> late = new OutputTag<>("late", Sale.class);
        CollectSink<String> sink = Sinks.collect();
        CollectSink<Sale> lateSink = Sinks.collect();
        DataStream<String> totals = env.fromCollection(sales).assignTimestampsAndWatermarks(punctuated())
                .keyBy(Sale::shop)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(6))
                .sideOutputLateData(late)
                .aggregate(new Total(), new Format());
        totals.sinkTo(sink);
        totals.getSideOutput(late).sinkTo(lateSink);
        env.execute("late sales");
        // [0,10) fires at watermark 11 and is dropped at 15 (9 + 6): the sale at 3 comes at watermark 24;
        // [10,20) fires at 24 and is kept until 25, so the sale at 14 fires it again
        assertThat(sink.results()).containsExactly("a[0,10)=3", "a[10,20)=4", "a[10,20)=36", "a[20,30)=72");
        assertThat(lateSink.results()).containsExactly(new Sale("a", 16, 3));
    }

    @Test
    void shouldMergeSessionsAcrossTheJob() {
        var env = environment(2, ExchangeMode.SERIALIZED);
        CollectSink<String> sink = Sinks.collect();
        env.fromElements(new Sale("a", 1, 0), new Sale("b", 1, 2), new Sale("a", 2, 4), new Sale("a", 4, 30), new Sale("b", 8, 11))
                .assignTimestampsAndWatermarks(punctuated())
                .keyBy(Sale::shop)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .aggregate(new Total(), new Format())
                .sinkTo(sink);
        env.execute("sessions");
        assertThat(sink.results()).containsExactlyInAnyOrder("a[0,14)=3", "b[2,21)=9", "a[30,40)=4");
    }
}
