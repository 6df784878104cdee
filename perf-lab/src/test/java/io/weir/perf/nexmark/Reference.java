package io.weir.perf.nexmark;

import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;
import io.weir.connectors.datagen.NexmarkGenerator;
import io.weir.perf.nexmark.Results.AuctionCount;
import io.weir.perf.nexmark.Results.AuctionPrice;
import io.weir.perf.nexmark.Results.BidderSession;
import io.weir.perf.nexmark.Results.ConvertedBid;
import io.weir.perf.nexmark.Results.HighestBid;
import io.weir.perf.nexmark.Results.HotItem;
import io.weir.perf.nexmark.Results.PersonAuction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/** The Nexmark queries computed sequentially over the generated events: what the pipelines must produce. */
final class Reference {
    private static final long TEN_SECONDS = 10_000;
    private static final long TWO_SECONDS = 2_000;

    private final List<NexmarkEvent> events;

    Reference(long seed, Schedule schedule) {
        NexmarkGenerator generator = new NexmarkGenerator(seed, schedule.eventTime());
        this.events = LongStream.range(0, schedule.events()).mapToObj(generator::event).toList();
    }

    List<NexmarkEvent> events() {
        return events;
    }

    private List<Bid> bids() {
        return events.stream().filter(Bid.class::isInstance).map(Bid.class::cast).toList();
    }

    List<ConvertedBid> q1() {
        return bids().stream().map(b -> new ConvertedBid(b.auction(), b.bidder(), 0.908 * b.price(), b.dateTime())).toList();
    }

    List<AuctionPrice> q2() {
        return bids().stream().filter(b -> b.auction() % 123 == 0).map(b -> new AuctionPrice(b.auction(), b.price())).toList();
    }

    List<AuctionCount> tumblingCount() {
        Map<List<Long>, Long> counts = new HashMap<>();
        for (Bid b : bids()) {
            long end = Math.floorDiv(b.dateTime(), TEN_SECONDS) * TEN_SECONDS + TEN_SECONDS;
            counts.merge(List.of(b.auction(), end), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> new AuctionCount(e.getKey().get(0), e.getValue(), e.getKey().get(1))).toList();
    }

    List<HotItem> q5() {
        Map<Long, Map<Long, Long>> perWindow = new TreeMap<>();
        for (Bid b : bids()) {
            long lastStart = Math.floorDiv(b.dateTime(), TWO_SECONDS) * TWO_SECONDS;
            for (long start = lastStart; start > b.dateTime() - TEN_SECONDS; start -= TWO_SECONDS) {
                perWindow.computeIfAbsent(start + TEN_SECONDS, k -> new HashMap<>()).merge(b.auction(), 1L, Long::sum);
            }
        }
        List<HotItem> hot = new ArrayList<>();
        perWindow.forEach((end, counts) -> {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            counts.forEach((auction, n) -> {
                if (n == max) {
                    hot.add(new HotItem(auction, n, end));
                }
            });
        });
        return hot;
    }

    List<HighestBid> q7() {
        Map<Long, List<Bid>> perWindow = new TreeMap<>();
        for (Bid b : bids()) {
            perWindow.computeIfAbsent(Math.floorDiv(b.dateTime(), TEN_SECONDS) * TEN_SECONDS + TEN_SECONDS, k -> new ArrayList<>()).add(b);
        }
        List<HighestBid> highest = new ArrayList<>();
        perWindow.forEach((end, bids) -> {
            long max = bids.stream().mapToLong(Bid::price).max().orElseThrow();
            bids.stream().filter(b -> b.price() == max)
                    .forEach(b -> highest.add(new HighestBid(b.auction(), b.bidder(), b.price(), b.dateTime(), end)));
        });
        return highest;
    }

    List<PersonAuction> q8() {
        Map<List<Long>, List<Person>> persons = new HashMap<>();
        for (NexmarkEvent e : events) {
            if (e instanceof Person p) {
                persons.computeIfAbsent(List.of(p.id(), Math.floorDiv(p.dateTime(), TEN_SECONDS)), k -> new ArrayList<>()).add(p);
            }
        }
        List<PersonAuction> joined = new ArrayList<>();
        for (NexmarkEvent e : events) {
            if (e instanceof Auction a) {
                for (Person p : persons.getOrDefault(List.of(a.seller(), Math.floorDiv(a.dateTime(), TEN_SECONDS)), List.of())) {
                    joined.add(new PersonAuction(p.id(), p.name(), a.reserve()));
                }
            }
        }
        return joined;
    }

    List<BidderSession> sessions() {
        Map<Long, List<Long>> times = new HashMap<>();
        for (Bid b : bids()) {
            times.computeIfAbsent(b.bidder(), k -> new ArrayList<>()).add(b.dateTime());
        }
        List<BidderSession> sessions = new ArrayList<>();
        times.forEach((bidder, ts) -> {
            List<Long> sorted = ts.stream().sorted().toList();
            long start = sorted.getFirst();
            long last = start;
            long count = 0;
            for (long t : sorted) {
                if (t >= last + TEN_SECONDS) {
                    sessions.add(new BidderSession(bidder, count, start, last + TEN_SECONDS));
                    start = t;
                    count = 0;
                }
                last = t;
                count++;
            }
            sessions.add(new BidderSession(bidder, count, start, last + TEN_SECONDS));
        });
        return sessions;
    }
}
