package io.weir.perf.flink;

import io.weir.connectors.datagen.EventTime;
import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;
import io.weir.connectors.datagen.NexmarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flink programs compute what a plain loop over the same generated events computes. */
class SequentialEqualityTest {
    private static final long EVENTS = 30_000;
    private static final long SEED = 42;
    private static final EventTime EVENT_TIME = new EventTime(BenchOptions.DEFAULT_START_MILLIS, 1_000_000, 20, 0.0, 1);

    @Test
    void shouldComputeQ1AsASequentialLoopDoes() throws Exception {
        List<NexmarkQueries.EuroBid> expected = new ArrayList<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                Bid bid = (Bid) event;
                expected.add(new NexmarkQueries.EuroBid(bid.auction(), bid.bidder(), bid.price() * 0.908, bid.dateTime(), index));
            }
        });

        List<NexmarkQueries.EuroBid> actual = collect(NexmarkQueries::q1);

        actual.sort(Comparator.comparingLong(NexmarkQueries.EuroBid::index));
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    @Test
    void shouldComputeQ2AsASequentialLoopDoes() throws Exception {
        List<NexmarkQueries.SelectedBid> expected = new ArrayList<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid && ((Bid) event).auction() % 123 == 0) {
                expected.add(new NexmarkQueries.SelectedBid(((Bid) event).auction(), ((Bid) event).price(), index));
            }
        });

        List<NexmarkQueries.SelectedBid> actual = collect(NexmarkQueries::q2);

        actual.sort(Comparator.comparingLong(NexmarkQueries.SelectedBid::index));
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldCountBidsPerAuctionAndTumblingWindowAsASequentialLoopDoes() throws Exception {
        long window = NexmarkQueries.TUMBLING.toMillis();
        Map<List<Long>, Long> expected = new HashMap<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                long end = Math.floorDiv(event.dateTime(), window) * window + window;
                expected.merge(List.of(((Bid) event).auction(), end), 1L, Long::sum);
            }
        });

        List<?> actual = collect(events -> NexmarkQueries.build(Workload.TUMBLING_COUNT, events).results());

        Map<List<Long>, Long> counted = new HashMap<>();
        for (Object result : actual) {
            @SuppressWarnings("unchecked")
            var t = (Tuple3<Long, Long, Long>) result;
            assertThat(counted.put(List.of(t.f0, t.f2), t.f1)).isNull();
        }
        assertThat(counted).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(NexmarkQueries.Q5Plan.class)
    void shouldFindTheHotItemsOfEachSlidingWindowAsASequentialLoopDoes(NexmarkQueries.Q5Plan plan) throws Exception {
        long size = NexmarkQueries.SLIDING_SIZE.toMillis();
        long slide = NexmarkQueries.SLIDING_SLIDE.toMillis();
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                long ts = event.dateTime();
                for (long start = ts - Math.floorMod(ts, slide); start > ts - size; start -= slide) {
                    counts.computeIfAbsent(start + size, end -> new HashMap<>()).merge(((Bid) event).auction(), 1L, Long::sum);
                }
            }
        });
        Set<List<Long>> expected = new HashSet<>();
        counts.forEach((end, perAuction) -> {
            long max = perAuction.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            perAuction.forEach((auction, count) -> {
                if (count == max) {
                    expected.add(List.of(end, auction, count));
                }
            });
        });

        List<Tuple3<Long, Long, Long>> actual = collect(plan == NexmarkQueries.Q5Plan.SLICED
                ? NexmarkQueries::q5 : NexmarkQueries::q5SlidingWindows);

        Set<List<Long>> hot = new HashSet<>();
        for (Tuple3<Long, Long, Long> t : actual) {
            assertThat(hot.add(List.of(t.f0, t.f1, t.f2))).as("emitted once: %s", t).isTrue();
        }
        assertThat(hot).isEqualTo(expected);
    }

    @Test
    void shouldFindTheHighestBidsOfEachTumblingWindowAsASequentialLoopDoes() throws Exception {
        long window = NexmarkQueries.TUMBLING.toMillis();
        Map<Long, Long> highest = new HashMap<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                highest.merge(Math.floorDiv(event.dateTime(), window) * window + window, ((Bid) event).price(), Math::max);
            }
        });
        Set<List<Long>> expected = new HashSet<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                long end = Math.floorDiv(event.dateTime(), window) * window + window;
                if (((Bid) event).price() == highest.get(end)) {
                    expected.add(List.of(end, ((Bid) event).auction(), ((Bid) event).price()));
                }
            }
        });

        List<Tuple4<Long, Long, Long, Long>> actual = collect(NexmarkQueries::q7);

        Set<List<Long>> found = new HashSet<>();
        for (Tuple4<Long, Long, Long, Long> t : actual) {
            found.add(List.of(t.f0, t.f1, t.f3));
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void shouldFindTheNewUsersOfEachTumblingWindowAsASequentialLoopDoes() throws Exception {
        long window = NexmarkQueries.TUMBLING.toMillis();
        Map<List<Long>, String> persons = new HashMap<>();
        Set<List<Long>> sellers = new HashSet<>();
        forEachEvent((index, event) -> {
            long end = Math.floorDiv(event.dateTime(), window) * window + window;
            if (event instanceof Person) {
                persons.put(List.of(((Person) event).id(), end), ((Person) event).name());
            } else if (event instanceof Auction) {
                sellers.add(List.of(((Auction) event).seller(), end));
            }
        });
        Set<List<Object>> expected = new HashSet<>();
        persons.forEach((key, name) -> {
            if (sellers.contains(key)) {
                expected.add(List.of(key.get(0), name, key.get(1)));
            }
        });

        List<Tuple3<Long, String, Long>> actual = collect(NexmarkQueries::q8);

        Set<List<Object>> found = new HashSet<>();
        for (Tuple3<Long, String, Long> t : actual) {
            assertThat(found.add(List.of(t.f0, t.f1, t.f2))).as("emitted once: %s", t).isTrue();
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void shouldCountBidsPerBidderSessionAsASequentialLoopDoes() throws Exception {
        long gap = NexmarkQueries.SESSION_GAP.toMillis();
        Map<Long, List<Long>> times = new HashMap<>();
        forEachEvent((index, event) -> {
            if (event instanceof Bid) {
                times.computeIfAbsent(((Bid) event).bidder(), b -> new ArrayList<>()).add(event.dateTime());
            }
        });
        Set<List<Long>> expected = new HashSet<>();
        times.forEach((bidder, list) -> {
            list.sort(null);
            long count = 0;
            long last = Long.MIN_VALUE;
            for (long ts : list) {
                // Flink merges sessions [t, t + gap) that touch: a gap of exactly `gap` still merges
                if (count > 0 && ts - last > gap) {
                    expected.add(List.of(bidder, count, last + gap));
                    count = 0;
                }
                count++;
                last = ts;
            }
            expected.add(List.of(bidder, count, last + gap));
        });

        List<?> actual = collect(events -> NexmarkQueries.build(Workload.SESSION, events).results());

        Set<List<Long>> found = new HashSet<>();
        for (Object result : actual) {
            @SuppressWarnings("unchecked")
            var t = (Tuple3<Long, Long, Long>) result;
            assertThat(found.add(List.of(t.f0, t.f1, t.f2))).as("emitted once: %s", t).isTrue();
        }
        assertThat(found).isEqualTo(expected);
    }

    private interface EventConsumer {
        void accept(long index, NexmarkEvent event);
    }

    private static void forEachEvent(EventConsumer consumer) {
        var generator = new NexmarkGenerator(SEED, EVENT_TIME);
        for (long i = 0; i < EVENTS; i++) {
            consumer.accept(i, generator.event(i));
        }
    }

    private static <T> List<T> collect(Function<DataStream<GeneratedEvent>, DataStream<T>> query) throws Exception {
        Probe.start(EVENTS, 0, null);
        var conf = new Configuration();
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        var env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        DataStream<GeneratedEvent> events = env.fromSource(new NexmarkSource(EVENTS, SEED, EVENT_TIME),
                WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(EVENT_TIME.outOfOrdernessMs())), "nexmark");
        List<T> results = new ArrayList<>();
        try (CloseableIterator<T> iterator = query.apply(events).executeAndCollect()) {
            iterator.forEachRemaining(results::add);
        }
        return results;
    }
}
