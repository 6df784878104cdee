package io.weir.examples.nexmark;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two Nexmark queries over a stream of {@link Bid}s with event timestamps and watermarks. Each is a
 * window per auction, then a step keyed by the window that picks the winner among the auctions:
 * <ul>
 *   <li>{@link #highestBids q7}: the highest bid of every 10 s tumbling window;</li>
 *   <li>{@link #hotAuctions q5}: the auction(s) with the most bids in every 10 s window sliding by 2 s.</li>
 * </ul>
 * A window's results carry its last millisecond ({@code end - 1}) as their timestamp, so the second step
 * sees all auctions of a window before the watermark passes that millisecond.
 */
public final class NexmarkQueries {
    /** The q7 window. */
    public static final Duration Q7_WINDOW = Duration.ofSeconds(10);
    /** The size of the q5 windows. */
    public static final Duration Q5_WINDOW = Duration.ofSeconds(10);
    /** How far apart the q5 windows start. */
    public static final Duration Q5_SLIDE = Duration.ofSeconds(2);

    private NexmarkQueries() {
    }

    /** A query's results, and the bids that came too late for all their windows (dropped from the results). */
    public record Query<R>(DataStream<R> results, DataStream<Bid> tooLate) {
    }

    /** q7's result: the highest bid of the window {@code [windowStart, windowEnd)}. */
    public record HighestBid(long windowStart, long windowEnd, Bid bid) {
        static HighestBid higher(HighestBid a, HighestBid b) {
            return Bid.higher(a.bid, b.bid) == a.bid ? a : b;
        }
    }

    /** q5's first step: how many bids {@code auction} got in the window {@code [windowStart, windowEnd)}. */
    public record AuctionCount(long auction, long bids, long windowStart, long windowEnd) {
    }

    /** q5's result: the auctions (ascending; several when they tie) that got the most bids, {@code bids} each, in the window. */
    public record HotAuctions(long windowStart, long windowEnd, long bids, List<Long> auctions) {
    }

    /** q7: the highest bid ({@link Bid#WINNING_ORDER}) per 10 s tumbling window. */
    public static Query<HighestBid> highestBids(DataStream<Bid> bids) {
        var late = new OutputTag<>("q7-late-bids", Bid.class);
        DataStream<HighestBid> perAuction = bids
                .keyBy(Bid::auction)
                .window(TumblingEventTimeWindows.of(Q7_WINDOW))
                .sideOutputLateData(late)
                .reduce(Bid::higher, new WithWindow())
                .name("q7: highest bid per auction");
        // the results of one window all carry its end - 1, so they fall into the same tumbling window again
        DataStream<HighestBid> highest = perAuction
                .keyBy(HighestBid::windowEnd)
                .window(TumblingEventTimeWindows.of(Q7_WINDOW))
                .reduce(HighestBid::higher)
                .name("q7: highest bid");
        return new Query<>(highest, perAuction.getSideOutput(late));
    }

    /** q5: the auctions with the most bids per 10 s window sliding by 2 s. */
    public static Query<HotAuctions> hotAuctions(DataStream<Bid> bids) {
        var late = new OutputTag<>("q5-late-bids", Bid.class);
        DataStream<AuctionCount> counts = bids
                .keyBy(Bid::auction)
                .window(SlidingEventTimeWindows.of(Q5_WINDOW, Q5_SLIDE))
                .sideOutputLateData(late)
                .aggregate(new CountBids(), new WithAuctionAndWindow())
                .name("q5: bids per auction");
        DataStream<HotAuctions> hottest = counts
                .keyBy(AuctionCount::windowEnd)
                .process(new HottestAuctions())
                .name("q5: hot auctions");
        return new Query<>(hottest, counts.getSideOutput(late));
    }

    /** Attaches the window's bounds to the highest bid of one auction. */
    static final class WithWindow extends ProcessWindowFunction<Bid, HighestBid, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context context, Iterable<Bid> highest, Collector<HighestBid> out) {
            out.collect(new HighestBid(context.window().start(), context.window().end(), highest.iterator().next()));
        }
    }

    /** Counts bids incrementally: the accumulator is the count. */
    static final class CountBids implements AggregateFunction<Bid, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Bid bid, Long count) {
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

    /** Attaches the auction and the window's bounds to the count of one auction. */
    static final class WithAuctionAndWindow extends ProcessWindowFunction<Long, AuctionCount, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context context, Iterable<Long> count, Collector<AuctionCount> out) {
            out.collect(new AuctionCount(auction, count.iterator().next(), context.window().start(), context.window().end()));
        }
    }

    /**
     * Keyed by window end: keeps the leading auctions of the window in keyed state and emits them when
     * the watermark passes the window's last millisecond, the timestamp that all its counts carry.
     */
    static final class HottestAuctions extends KeyedProcessFunction<Long, AuctionCount, HotAuctions> {
        private transient ValueState<HotAuctions> leader;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            leader = context.getState(new ValueStateDescriptor<>("leader", HotAuctions.class));
        }

        @Override
        public void processElement(AuctionCount count, Context<Long> context, Collector<HotAuctions> out) {
            HotAuctions current = leader.value();
            if (current == null || count.bids() > current.bids()) {
                leader.update(new HotAuctions(count.windowStart(), count.windowEnd(), count.bids(), List.of(count.auction())));
                context.timerService().registerEventTimeTimer(count.windowEnd() - 1);
            } else if (count.bids() == current.bids()) {
                List<Long> auctions = new ArrayList<>(current.auctions());
                auctions.add(count.auction());
                auctions.sort(null);
                leader.update(new HotAuctions(current.windowStart(), current.windowEnd(), current.bids(), List.copyOf(auctions)));
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<HotAuctions> out) {
            out.collect(leader.value());
            leader.clear();
        }
    }
}
