package io.weir.perf.nexmark;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.perf.nexmark.Results.AuctionCount;
import io.weir.perf.nexmark.Results.BidderSession;
import io.weir.perf.nexmark.Results.HighestBid;
import io.weir.perf.nexmark.Results.HotItem;

import java.util.ArrayList;
import java.util.List;

/** The window functions of the Nexmark queries: the same accumulators as the Flink runner's (perf-lab-flink). */
final class Aggregates {
    private Aggregates() {
    }

    /**
     * Counts records, with a {@code Long} accumulator as the Flink runner's count (so both engines run the same
     * program; Weir's slice tables then keep counts unboxed, and counts below 128 are cached boxes).
     */
    static final class CountBids implements AggregateFunction<Bid, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Bid value, Long accumulator) {
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

    /** Emits {@link AuctionCount} for a per-auction count. */
    static final class ToAuctionCount extends ProcessWindowFunction<Long, AuctionCount, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context context, Iterable<Long> counts, Collector<AuctionCount> out) {
            out.collect(new AuctionCount(auction, counts.iterator().next(), context.window().end()));
        }
    }

    /** Emits {@link BidderSession} for a per-bidder session count. */
    static final class ToBidderSession extends ProcessWindowFunction<Long, BidderSession, Long, TimeWindow> {
        @Override
        public void process(Long bidder, Context context, Iterable<Long> counts, Collector<BidderSession> out) {
            out.collect(new BidderSession(bidder, counts.iterator().next(), context.window().start(), context.window().end()));
        }
    }

    /**
     * The largest value seen and every item that has it: immutable, so that it needs no codec of its own; a value
     * below the maximum (nearly every one) returns the same instance.
     */
    record Top<T>(long max, List<T> items) {
        static <T> Top<T> empty() {
            return new Top<>(Long.MIN_VALUE, List.of());
        }

        Top<T> offer(long value, T item) {
            if (value > max) {
                return new Top<>(value, List.of(item));
            }
            if (value == max) {
                List<T> more = new ArrayList<>(items);
                more.add(item);
                return new Top<>(max, List.copyOf(more));
            }
            return this;
        }

        Top<T> merge(Top<T> other) {
            if (other.max != max) {
                return other.max > max ? other : this;
            }
            List<T> both = new ArrayList<>(items);
            both.addAll(other.items);
            return new Top<>(max, List.copyOf(both));
        }
    }

    /**
     * An aggregate into a {@link Top}: subclasses say how a record enters it ({@link #add}); the accumulator is
     * the result, and merging keeps the larger maximum (the items of both when they tie).
     */
    abstract static class TopAggregate<IN, T> implements AggregateFunction<IN, Top<T>, Top<T>> {
        @Override
        public final Top<T> createAccumulator() {
            return Top.empty();
        }

        @Override
        public final Top<T> getResult(Top<T> accumulator) {
            return accumulator;
        }

        @Override
        public final Top<T> merge(Top<T> a, Top<T> b) {
            return a.merge(b);
        }
    }

    /** q5's second stage: the auctions with the most bids. */
    static final class MostBids extends TopAggregate<AuctionCount, AuctionCount> {
        @Override
        public Top<AuctionCount> add(AuctionCount value, Top<AuctionCount> accumulator) {
            return accumulator.offer(value.bids(), value);
        }
    }

    /** Emits one {@link HotItem} per auction of the top. */
    static final class ToHotItems extends ProcessWindowFunction<Top<AuctionCount>, HotItem, Long, TimeWindow> {
        @Override
        public void process(Long windowEnd, Context context, Iterable<Top<AuctionCount>> tops, Collector<HotItem> out) {
            for (AuctionCount c : tops.iterator().next().items()) {
                out.collect(new HotItem(c.auction(), c.bids(), c.windowEnd()));
            }
        }
    }

    /** q7: the bids with the highest price. */
    static final class HighestPrice extends TopAggregate<Bid, Bid> {
        @Override
        public Top<Bid> add(Bid value, Top<Bid> accumulator) {
            return accumulator.offer(value.price(), value);
        }
    }

    /** q7's first stage result: an auction's top bids in one window. */
    record TopBids(long windowEnd, long price, List<Bid> bids) {
    }

    /** Emits the first stage's {@link TopBids}. */
    static final class ToTopBids extends ProcessWindowFunction<Top<Bid>, TopBids, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context context, Iterable<Top<Bid>> tops, Collector<TopBids> out) {
            Top<Bid> top = tops.iterator().next();
            out.collect(new TopBids(context.window().end(), top.max(), top.items()));
        }
    }

    /** q7's second stage: the top over all auctions. */
    static final class HighestOfTops extends TopAggregate<TopBids, Bid> {
        @Override
        public Top<Bid> add(TopBids value, Top<Bid> accumulator) {
            return accumulator.merge(new Top<>(value.price(), value.bids()));
        }
    }

    /** Emits one {@link HighestBid} per bid of the top. */
    static final class ToHighestBids extends ProcessWindowFunction<Top<Bid>, HighestBid, Long, TimeWindow> {
        @Override
        public void process(Long windowEnd, Context context, Iterable<Top<Bid>> tops, Collector<HighestBid> out) {
            for (Bid b : tops.iterator().next().items()) {
                out.collect(new HighestBid(b.auction(), b.bidder(), b.price(), b.dateTime(), context.window().end()));
            }
        }
    }
}
