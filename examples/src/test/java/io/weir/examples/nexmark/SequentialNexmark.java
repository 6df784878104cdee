package io.weir.examples.nexmark;

import io.weir.examples.nexmark.NexmarkBidsExample.Results;
import io.weir.examples.nexmark.NexmarkQueries.HighestBid;
import io.weir.examples.nexmark.NexmarkQueries.HotAuctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference model of the example's queries: one loop over the bids in source order, tracking the
 * watermark the way the example generates it (after each bid: newest timestamp - bound - 1), and
 * dropping a bid from each window whose last millisecond the watermark already reached (Flink's rule).
 */
final class SequentialNexmark {
    private static final long Q7_SIZE = NexmarkQueries.Q7_WINDOW.toMillis();
    private static final long Q5_SIZE = NexmarkQueries.Q5_WINDOW.toMillis();
    private static final long Q5_SLIDE = NexmarkQueries.Q5_SLIDE.toMillis();

    private SequentialNexmark() {
    }

    static Results compute(List<Bid> bids) {
        long bound = NexmarkBidsExample.MAX_OUT_OF_ORDERNESS.toMillis();
        long watermark = Long.MIN_VALUE;
        long newest = Long.MIN_VALUE;
        Map<Long, Bid> highest = new TreeMap<>();
        Map<Long, Map<Long, Long>> countsByWindow = new TreeMap<>();
        long lateQ7 = 0;
        long lateQ5 = 0;
        for (Bid bid : bids) {
            long t = bid.dateTime();
            long q7Start = t - Math.floorMod(t, Q7_SIZE);
            if (q7Start + Q7_SIZE - 1 <= watermark) {
                lateQ7++;
            } else {
                highest.merge(q7Start, bid, Bid::higher);
            }
            boolean inAnyWindow = false;
            for (long start = t - Math.floorMod(t, Q5_SLIDE); start > t - Q5_SIZE; start -= Q5_SLIDE) {
                if (start + Q5_SIZE - 1 > watermark) {
                    countsByWindow.computeIfAbsent(start, s -> new TreeMap<>()).merge(bid.auction(), 1L, Long::sum);
                    inAnyWindow = true;
                }
            }
            if (!inAnyWindow) {
                lateQ5++;
            }
            newest = Math.max(newest, t);
            watermark = Math.max(watermark, newest - bound - 1);
        }

        List<HighestBid> q7 = new ArrayList<>();
        highest.forEach((start, bid) -> q7.add(new HighestBid(start, start + Q7_SIZE, bid)));
        List<HotAuctions> q5 = new ArrayList<>();
        countsByWindow.forEach((start, counts) -> {
            long most = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            List<Long> auctions = counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
            q5.add(new HotAuctions(start, start + Q5_SIZE, most, auctions));
        });
        return new Results(q7, lateQ7, q5, lateQ5);
    }
}
