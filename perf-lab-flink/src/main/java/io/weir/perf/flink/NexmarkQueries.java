package io.weir.perf.flink;

import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * The Nexmark workloads as Flink DataStream programs, written the way a Flink user would: stateless stages
 * chained to the source; keyed stages on Flink tuples of boxed longs (Flink's fastest serializers), incremental
 * window aggregation ({@code aggregate} with a window function that only attaches the window end), and the
 * "top per window" second stages as keyed process functions with an event-time timer at the window's end.
 * Every result carries what its latency is measured from: the event index (stateless) or the window end.
 */
public final class NexmarkQueries {
    /** The window of q7, q8 and the tumbling count. */
    public static final Duration TUMBLING = Duration.ofSeconds(10);
    /** q5's window size. */
    public static final Duration SLIDING_SIZE = Duration.ofSeconds(10);
    /** q5's window slide. */
    public static final Duration SLIDING_SLIDE = Duration.ofSeconds(2);
    /** The session query's gap. */
    public static final Duration SESSION_GAP = Duration.ofSeconds(10);
    /** Dollar to euro, as Nexmark q1. */
    public static final double DOLLAR_TO_EURO = 0.908;
    /** q2 keeps the bids of auctions whose id is a multiple of this. */
    public static final long Q2_MODULUS = 123;

    private NexmarkQueries() {
    }

    /**
     * A workload's result stream and how to measure its latency.
     *
     * @param results the results
     * @param closing which event each result is measured from
     * @param <T>     result type
     */
    public record Query<T>(DataStream<T> results, ClosingIndex<T> closing) {
    }

    /** q1's result: a bid in euro. */
    public record EuroBid(long auction, long bidder, double price, long dateTime, long index) {
    }

    /** q2's result. */
    public record SelectedBid(long auction, long price, long index) {
    }

    /** How q5 counts bids per sliding window. */
    public enum Q5Plan {
        /**
         * Flink's best plan, the one Flink SQL's window aggregation uses: count per 2 s slice (a tumbling window,
         * one state update per bid), then add up the five slices of each 10 s window.
         */
        SLICED,
        /** The DataStream textbook plan: {@code SlidingEventTimeWindows}, each bid counted in all five of its windows. */
        SLIDING_WINDOWS
    }

    /** {@code workload} over {@code events}, q5 sliced. */
    public static Query<?> build(Workload workload, DataStream<GeneratedEvent> events) {
        return build(workload, events, Q5Plan.SLICED);
    }

    /** {@code workload} over {@code events}. */
    public static Query<?> build(Workload workload, DataStream<GeneratedEvent> events, Q5Plan q5Plan) {
        switch (workload) {
            case Q0:
                return new Query<>(events, GeneratedEvent::index);
            case Q1:
                return new Query<>(q1(events), EuroBid::index);
            case Q2:
                return new Query<>(q2(events), SelectedBid::index);
            case Q5:
                return new Query<>(q5Plan == Q5Plan.SLICED ? q5(events) : q5SlidingWindows(events),
                        r -> ClosingIndex.ofWindowEnd(r.f0));
            case Q7:
                return new Query<>(q7(events), r -> ClosingIndex.ofWindowEnd(r.f0));
            case Q8:
                return new Query<>(q8(events), r -> ClosingIndex.ofWindowEnd(r.f2));
            case SESSION:
                return new Query<>(countPerKey(bidders(events), EventTimeSessionWindows.withGap(SESSION_GAP)),
                        r -> ClosingIndex.ofWindowEnd(r.f2));
            case TUMBLING_COUNT:
                return new Query<>(countPerKey(auctions(events), TumblingEventTimeWindows.of(TUMBLING)),
                        r -> ClosingIndex.ofWindowEnd(r.f2));
            default:
                throw new IllegalArgumentException("workload " + workload.id() + " has no Flink program");
        }
    }

    /** q1: every bid with its price in euro. */
    public static DataStream<EuroBid> q1(DataStream<GeneratedEvent> events) {
        return events.filter(e -> e.event() instanceof Bid).name("bids")
                .map(e -> {
                    Bid bid = (Bid) e.event();
                    return new EuroBid(bid.auction(), bid.bidder(), bid.price() * DOLLAR_TO_EURO, bid.dateTime(), e.index());
                }).returns(EuroBid.class).name("q1 to euro");
    }

    /** q2: the bids on auctions whose id is a multiple of {@value #Q2_MODULUS}. */
    public static DataStream<SelectedBid> q2(DataStream<GeneratedEvent> events) {
        return events.filter(e -> e.event() instanceof Bid && ((Bid) e.event()).auction() % Q2_MODULUS == 0).name("q2 filter")
                .map(e -> new SelectedBid(((Bid) e.event()).auction(), ((Bid) e.event()).price(), e.index()))
                .returns(SelectedBid.class).name("q2 project");
    }

    /**
     * q5, sliced: per sliding window, the auction(s) with the most bids: (window end, auction, bids). Bids are counted
     * per auction in tumbling windows of one slide; a keyed process function adds up each window's slices when the
     * watermark passes the window's end.
     */
    public static DataStream<Tuple3<Long, Long, Long>> q5(DataStream<GeneratedEvent> events) {
        return topPerWindow(countPerKey(auctions(events), TumblingEventTimeWindows.of(SLIDING_SLIDE))
                .keyBy(r -> r.f0, Types.LONG)
                .process(new SlicesToWindows(SLIDING_SIZE.toMillis(), SLIDING_SLIDE.toMillis())).name("q5 slices to windows")
                .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG)));
    }

    /** q5 with {@code SlidingEventTimeWindows}: the same results as {@link #q5}. */
    public static DataStream<Tuple3<Long, Long, Long>> q5SlidingWindows(DataStream<GeneratedEvent> events) {
        return topPerWindow(countPerKey(auctions(events), SlidingEventTimeWindows.of(SLIDING_SIZE, SLIDING_SLIDE)));
    }

    private static DataStream<Tuple3<Long, Long, Long>> topPerWindow(DataStream<Tuple3<Long, Long, Long>> counts) {
        return counts.keyBy(r -> r.f2, Types.LONG)
                .process(new TopPerWindow()).name("q5 hot items")
                .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG));
    }

    /** q7: per tumbling window, the bid(s) with the highest price: (window end, auction, bidder, price). */
    public static DataStream<Tuple4<Long, Long, Long, Long>> q7(DataStream<GeneratedEvent> events) {
        return events.filter(e -> e.event() instanceof Bid).name("bids")
                .map(e -> {
                    Bid bid = (Bid) e.event();
                    return Tuple3.of(bid.auction(), bid.bidder(), bid.price());
                }).returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG)).name("bid (auction, bidder, price)")
                .keyBy(t -> t.f0, Types.LONG)
                .window(TumblingEventTimeWindows.of(TUMBLING))
                .reduce((a, b) -> b.f2 > a.f2 ? b : a, new AttachEnd<>()).name("q7 max per auction")
                .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG, Types.LONG))
                .keyBy(r -> r.f3, Types.LONG)
                .process(new HighestPerWindow()).name("q7 highest bid")
                .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG, Types.LONG));
    }

    /** q8: persons who opened an auction in the window they joined in: (person, name, window end). */
    public static DataStream<Tuple3<Long, String, Long>> q8(DataStream<GeneratedEvent> events) {
        DataStream<Tuple2<Long, String>> persons = events.filter(e -> e.event() instanceof Person).name("persons")
                .map(e -> Tuple2.of(((Person) e.event()).id(), ((Person) e.event()).name()))
                .returns(Types.TUPLE(Types.LONG, Types.STRING)).name("person (id, name)");
        DataStream<Long> sellers = events.filter(e -> e.event() instanceof Auction).name("auctions")
                .map(e -> ((Auction) e.event()).seller()).returns(Types.LONG).name("auction seller");
        return persons.coGroup(sellers).where(p -> p.f0, Types.LONG).equalTo(s -> s, Types.LONG)
                .window(TumblingEventTimeWindows.of(TUMBLING))
                .apply(new NewUsers(), Types.TUPLE(Types.LONG, Types.STRING)).name("q8 join")
                .process(new AttachTimestampEnd()).name("q8 window end")
                .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
    }

    private static DataStream<Long> auctions(DataStream<GeneratedEvent> events) {
        return events.filter(e -> e.event() instanceof Bid).name("bids")
                .map(e -> ((Bid) e.event()).auction()).returns(Types.LONG).name("bid auction");
    }

    private static DataStream<Long> bidders(DataStream<GeneratedEvent> events) {
        return events.filter(e -> e.event() instanceof Bid).name("bids")
                .map(e -> ((Bid) e.event()).bidder()).returns(Types.LONG).name("bid bidder");
    }

    /** Per key and window, (key, count, window end). */
    private static DataStream<Tuple3<Long, Long, Long>> countPerKey(
            DataStream<Long> keys,
            org.apache.flink.streaming.api.windowing.assigners.WindowAssigner<Object, TimeWindow> assigner) {
        return keys.keyBy(k -> k, Types.LONG)
                .window(assigner)
                .aggregate(new Count(), new CountWithEnd(), Types.LONG, Types.LONG,
                        Types.TUPLE(Types.LONG, Types.LONG, Types.LONG)).name("count per key and window");
    }

    /** Counts elements; accumulator and result are a boxed long. */
    static final class Count implements AggregateFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** (key, count, window end). */
    static final class CountWithEnd extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context context, Iterable<Long> counts, Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(Tuple3.of(key, counts.iterator().next(), context.window().getEnd()));
        }
    }

    /**
     * Keyed by auction: turns per-slice counts (auction, count, slice end) into per-window counts (auction, count,
     * window end) for every window of {@code size} that ends on a slice end, when the watermark passes that end.
     */
    static final class SlicesToWindows extends KeyedProcessFunction<Long, Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final long size;
        private final long slide;
        private transient MapState<Long, Long> slices;

        SlicesToWindows(long size, long slide) {
            this.size = size;
            this.slide = slide;
        }

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
            slices = getRuntimeContext().getMapState(new MapStateDescriptor<>("slices", Types.LONG, Types.LONG));
        }

        @Override
        public void processElement(Tuple3<Long, Long, Long> slice, Context ctx, Collector<Tuple3<Long, Long, Long>> out)
                throws Exception {
            slices.put(slice.f2, slice.f1);
            for (long end = slice.f2; end < slice.f2 + size; end += slide) {
                ctx.timerService().registerEventTimeTimer(end - 1);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            long end = timestamp + 1;
            long count = 0;
            var expired = new java.util.ArrayList<Long>();
            for (var slice : slices.entries()) {
                long sliceEnd = slice.getKey();
                if (sliceEnd > end - size && sliceEnd <= end) {
                    count += slice.getValue();
                }
                if (sliceEnd <= end + slide - size) {
                    expired.add(sliceEnd);
                }
            }
            for (Long sliceEnd : expired) {
                slices.remove(sliceEnd);
            }
            if (count > 0) {
                out.collect(Tuple3.of(ctx.getCurrentKey(), count, end));
            }
        }
    }

    /** The reduced (auction, bidder, price) with the window end appended. */
    static final class AttachEnd<K> extends ProcessWindowFunction<Tuple3<Long, Long, Long>, Tuple4<Long, Long, Long, Long>, K, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(K key, Context context, Iterable<Tuple3<Long, Long, Long>> bids,
                            Collector<Tuple4<Long, Long, Long, Long>> out) {
            Tuple3<Long, Long, Long> bid = bids.iterator().next();
            out.collect(Tuple4.of(bid.f0, bid.f1, bid.f2, context.window().getEnd()));
        }
    }

    /**
     * Keyed by window end: keeps the (key, count) pairs with the largest count seen so far and emits them as
     * (window end, key, count) when the watermark passes the window ({@code end - 1}, the timestamp of the window's
     * results).
     */
    static final class TopPerWindow extends KeyedProcessFunction<Long, Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> best;
        private transient ListState<Long> keys;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
            best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", Types.LONG));
            keys = getRuntimeContext().getListState(new ListStateDescriptor<>("keys", Types.LONG));
        }

        @Override
        public void processElement(Tuple3<Long, Long, Long> count, Context ctx, Collector<Tuple3<Long, Long, Long>> out)
                throws Exception {
            Long current = best.value();
            if (current == null) {
                ctx.timerService().registerEventTimeTimer(count.f2 - 1);
            }
            if (current == null || count.f1 > current) {
                best.update(count.f1);
                keys.update(java.util.List.of(count.f0));
            } else if (count.f1.equals(current)) {
                keys.add(count.f0);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            long end = ctx.getCurrentKey();
            Long count = best.value();
            for (Long key : keys.get()) {
                out.collect(Tuple3.of(end, key, count));
            }
            best.clear();
            keys.clear();
        }
    }

    /** Keyed by window end: the (auction, bidder, price, end) with the highest price, emitted as (end, auction, bidder, price). */
    static final class HighestPerWindow extends KeyedProcessFunction<Long, Tuple4<Long, Long, Long, Long>, Tuple4<Long, Long, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ListState<Tuple4<Long, Long, Long, Long>> best;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
            best = getRuntimeContext().getListState(new ListStateDescriptor<>("best",
                    Types.TUPLE(Types.LONG, Types.LONG, Types.LONG, Types.LONG)));
        }

        @Override
        public void processElement(Tuple4<Long, Long, Long, Long> bid, Context ctx, Collector<Tuple4<Long, Long, Long, Long>> out)
                throws Exception {
            var iterator = best.get().iterator();
            if (!iterator.hasNext()) {
                ctx.timerService().registerEventTimeTimer(bid.f3 - 1);
                best.add(bid);
                return;
            }
            long price = iterator.next().f2;
            if (bid.f2 > price) {
                best.update(java.util.List.of(bid));
            } else if (bid.f2 == price) {
                best.add(bid);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple4<Long, Long, Long, Long>> out) throws Exception {
            for (Tuple4<Long, Long, Long, Long> bid : best.get()) {
                out.collect(Tuple4.of(bid.f3, bid.f0, bid.f1, bid.f2));
            }
            best.clear();
        }
    }

    /** q8's join: a person who has at least one auction in the window, once. */
    static final class NewUsers implements CoGroupFunction<Tuple2<Long, String>, Long, Tuple2<Long, String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Tuple2<Long, String>> persons, Iterable<Long> sellers, Collector<Tuple2<Long, String>> out) {
            if (sellers.iterator().hasNext()) {
                for (Tuple2<Long, String> person : persons) {
                    out.collect(person);
                }
            }
        }
    }

    /** Appends the window end: a window result's timestamp is the window's {@code end - 1}. */
    static final class AttachTimestampEnd extends ProcessFunction<Tuple2<Long, String>, Tuple3<Long, String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Tuple2<Long, String> person, Context ctx, Collector<Tuple3<Long, String, Long>> out) {
            out.collect(Tuple3.of(person.f0, person.f1, ctx.timestamp() + 1));
        }
    }
}
