package io.weir.perf.nexmark;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;
import io.weir.perf.nexmark.Aggregates.CountBids;
import io.weir.perf.nexmark.Aggregates.HighestOfTops;
import io.weir.perf.nexmark.Aggregates.HighestPrice;
import io.weir.perf.nexmark.Aggregates.MostBids;
import io.weir.perf.nexmark.Aggregates.ToAuctionCount;
import io.weir.perf.nexmark.Aggregates.ToBidderSession;
import io.weir.perf.nexmark.Aggregates.ToHighestBids;
import io.weir.perf.nexmark.Aggregates.ToHotItems;
import io.weir.perf.nexmark.Aggregates.ToTopBids;
import io.weir.perf.nexmark.Results.AuctionCount;
import io.weir.perf.nexmark.Results.AuctionPrice;
import io.weir.perf.nexmark.Results.ConvertedBid;
import io.weir.perf.nexmark.Results.PersonAuction;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Nexmark queries, on Weir's DataStream API, after the Nexmark benchmark as Apache Flink's and Apache Beam's
 * suites define it (the "extra" padding columns left out). Windows are in event time; every window is 10 s, q5
 * slides by 2 s, sessions close after a 10 s gap. Windowed results carry the window's max timestamp (as in Flink),
 * from which the harness knows which event's watermark fired them ({@link Schedule#closingEvent}).
 */
public enum Workload {
    /** Pass-through: every event unchanged (Beam's q0). */
    Q0("q0", false, "pass-through: every event unchanged") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return events.map(e -> e).name("q0 pass-through");
        }
    },
    /** Currency conversion: each bid with its price in euros. */
    Q1("q1", false, "currency conversion: every bid, price * 0.908") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return events.flatMap((NexmarkEvent e, Collector<ConvertedBid> out) -> {
                if (e instanceof Bid b) {
                    out.collect(new ConvertedBid(b.auction(), b.bidder(), 0.908 * b.price(), b.dateTime()));
                }
            }).returns(ConvertedBid.class).name("q1 convert");
        }
    },
    /** Selection: bids on every 123rd auction. */
    Q2("q2", false, "filter: auction and price of bids on auctions whose id is a multiple of 123") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return events.flatMap((NexmarkEvent e, Collector<AuctionPrice> out) -> {
                if (e instanceof Bid b && b.auction() % 123 == 0) {
                    out.collect(new AuctionPrice(b.auction(), b.price()));
                }
            }).returns(AuctionPrice.class).name("q2 filter");
        }
    },
    /** Hot items: the auctions with the most bids in each 10 s window sliding by 2 s. */
    Q5("q5", true, "hot items: auctions with the most bids per 10 s window sliding by 2 s") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return bids(events).keyBy(Bid::auction)
                    .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                    .aggregate(new CountBids(), new ToAuctionCount()).name("q5 bids per auction")
                    .keyBy(AuctionCount::windowEnd)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                    .aggregate(new MostBids(), new ToHotItems()).name("q5 most bids");
        }
    },
    /** Highest bid: the bids with the highest price in each 10 s tumbling window. */
    Q7("q7", true, "highest bid: bids with the highest price per 10 s tumbling window") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return bids(events).keyBy(Bid::auction)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                    .aggregate(new HighestPrice(), new ToTopBids()).name("q7 highest per auction")
                    .keyBy(Aggregates.TopBids::windowEnd)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                    .aggregate(new HighestOfTops(), new ToHighestBids()).name("q7 highest");
        }
    },
    /** New users: persons joined with the auctions they opened in the same 10 s tumbling window. */
    Q8("q8", true, "new users: persons joined with their auctions in a 10 s tumbling window") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            DataStream<Person> persons = events.flatMap((NexmarkEvent e, Collector<Person> out) -> {
                if (e instanceof Person p) {
                    out.collect(p);
                }
            }).returns(Person.class).name("q8 persons");
            DataStream<Auction> auctions = events.flatMap((NexmarkEvent e, Collector<Auction> out) -> {
                if (e instanceof Auction a) {
                    out.collect(a);
                }
            }).returns(Auction.class).name("q8 auctions");
            return persons.join(auctions).where(Person::id).equalTo(Auction::seller)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                    .apply((p, a) -> new PersonAuction(p.id(), p.name(), a.reserve()));
        }
    },
    /** User sessions (Nexmark q11): bids per bidder per session, 10 s gap. */
    SESSION("session", true, "user sessions (Nexmark q11): bids per bidder per session window with a 10 s gap") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return bids(events).keyBy(Bid::bidder)
                    .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(10)))
                    .aggregate(new CountBids(), new ToBidderSession()).name("session bids per bidder");
        }
    },
    /** Bids per auction in 10 s tumbling windows. */
    TUMBLING_COUNT("tumbling-count", true, "bids per auction per 10 s tumbling window") {
        @Override
        DataStream<?> build(DataStream<NexmarkEvent> events) {
            return bids(events).keyBy(Bid::auction)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                    .aggregate(new CountBids(), new ToAuctionCount()).name("tumbling bids per auction");
        }
    };

    private final String id;
    private final boolean windowed;
    private final String description;

    Workload(String id, boolean windowed, String description) {
        this.id = id;
        this.windowed = windowed;
        this.description = description;
    }

    /** The query on {@code events} (which carry timestamps and watermarks when {@link #windowed()}). */
    abstract DataStream<?> build(DataStream<NexmarkEvent> events);

    /** The name on the command line and in run folders: q0, q1, q2, q5, q7, q8, session, tumbling-count. */
    public String id() {
        return id;
    }

    /** {@code true} for the event-time window queries (their latency counts from the watermark that fires them). */
    public boolean windowed() {
        return windowed;
    }

    /** One line about what the query computes. */
    public String description() {
        return description;
    }

    /** The workload named {@code id}, or an error listing the names. */
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equalsIgnoreCase(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + names());
    }

    /** Every workload name, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(Workload::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }

    private static DataStream<Bid> bids(DataStream<NexmarkEvent> events) {
        return events.flatMap((NexmarkEvent e, Collector<Bid> out) -> {
            if (e instanceof Bid b) {
                out.collect(b);
            }
        }).returns(Bid.class).name("bids");
    }
}
