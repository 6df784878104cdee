package io.weir.perf.windows;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedEventSourceTest {

    @ParameterizedTest
    @ValueSource(longs = {7, 1_000, 1_000_000})
    void shouldVisitEveryKeyOnceInEachRunOfKeysEvents(long keys) {
        var source = new KeyedEventSource(3 * keys, keys, 1, -1, null);
        Set<Long> seen = new HashSet<>();
        for (long i = keys; i < 2 * keys; i++) {
            seen.add(source.keyOf(i));
        }
        assertThat(seen).hasSize((int) keys).allMatch(k -> k >= 0 && k < keys);
    }

    @Test
    void shouldAdvanceEventTimeByOneMillisecondEveryRecordsPerMilliEvents() {
        var source = new KeyedEventSource(10_000, 100, 500, -1, null);
        assertThat(List.of(source.timestampOf(0), source.timestampOf(499), source.timestampOf(500), source.timestampOf(9_999)))
                .containsExactly(0L, 0L, 1L, 19L);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void shouldCountEveryKeyOncePerRunOfKeysEventsInEachWindow(int parallelism) {
        long keys = 1_000;
        long perMilli = 10; // 100 ms tumbling windows of 1,000 events: each key once per window
        var probed = new AtomicLong(-1);
        var source = new KeyedEventSource(10 * keys, keys, perMilli, 5 * keys, event -> probed.compareAndSet(-1, event));
        var env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<Long> counts = Sinks.collect();
        env.fromSource(source, WatermarkStrategy.<Long>forMonotonousTimestamps(), "keyed events")
                .keyBy((Long key) -> key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .aggregate(new WindowBenchmark.Count())
                .sinkTo(counts);

        env.execute("keyed events");

        assertThat(counts.results()).hasSize(10 * (int) keys).containsOnly(1L);
        assertThat(probed.get()).isGreaterThanOrEqualTo(5 * keys);
    }
}
