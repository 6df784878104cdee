package io.weir.examples.nexmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small, seeded generator of Nexmark-like bids, in the order a source would read them.
 *
 * <ul>
 *   <li>Time: bids are spread evenly over {@code span} of event time from {@link #START}.</li>
 *   <li>Skew: half of the bids go to the {@value #HOT_AUCTIONS} hot auctions of the current minute, the
 *       rest to any of the {@value #AUCTIONS} auctions.</li>
 *   <li>Prices: mostly small, up to $1,000 (the product of two uniform numbers).</li>
 *   <li>Disorder: {@value #OUT_OF_ORDER_PERCENT}% of the bids arrive late, their event time up to
 *       {@value #MAX_DELAY_MILLIS} ms behind the bids around them. Delays beyond the watermark's
 *       out-of-orderness bound make some of them too late for their windows.</li>
 * </ul>
 * No bid is earlier than {@link #START}. The same seed gives the same bids.
 */
public final class BidGenerator {
    /** The event time of the first bid: 2025-01-01 12:00:00 UTC. */
    public static final long START = Instant.parse("2025-01-01T12:00:00Z").toEpochMilli();
    static final int AUCTIONS = 1_000;
    static final int HOT_AUCTIONS = 5;
    static final int BIDDERS = 10_000;
    static final int OUT_OF_ORDER_PERCENT = 3;
    static final int MAX_DELAY_MILLIS = 4_000;

    private BidGenerator() {
    }

    /** {@code count} bids over {@code span} of event time, from the seed {@code seed}. */
    public static List<Bid> generate(long seed, int count, Duration span) {
        if (count <= 0 || span.toMillis() <= 0) {
            throw new IllegalArgumentException("need a positive count and span, got " + count + " bids over " + span);
        }
        var random = new SplittableRandom(seed);
        long spanMillis = span.toMillis();
        List<Bid> bids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long time = START + i * spanMillis / count;
            long minute = (time - START) / 60_000;
            long auction = random.nextBoolean()
                    ? hotAuction(minute, random.nextInt(HOT_AUCTIONS))
                    : random.nextInt(AUCTIONS);
            long bidder = random.nextInt(BIDDERS);
            long price = 100 + (long) (random.nextDouble() * random.nextDouble() * 99_900);
            if (random.nextInt(100) < OUT_OF_ORDER_PERCENT) {
                time = Math.max(START, time - 1 - random.nextInt(MAX_DELAY_MILLIS));
            }
            bids.add(new Bid(auction, bidder, price, time));
        }
        return bids;
    }

    /** The {@code rank}-th hot auction of {@code minute}: a different few auctions every minute. */
    private static long hotAuction(long minute, int rank) {
        return (minute * 97 + rank * 13) % AUCTIONS;
    }
}
