package io.weir.perf.nexmark;

/** The result records of the Nexmark queries (the Nexmark "extra" padding columns are left out). */
public final class Results {
    private Results() {
    }

    /** q1: a bid with its price converted from dollars to euros ({@code 0.908 * price}, as Flink's Nexmark q1). */
    public record ConvertedBid(long auction, long bidder, double price, long dateTime) {
    }

    /** q2: the auction and price of a bid on an auction whose id is a multiple of 123. */
    public record AuctionPrice(long auction, long price) {
    }

    /** The number of bids on an auction in the window ending at {@code windowEnd} (q5's first stage, tumbling count). */
    public record AuctionCount(long auction, long bids, long windowEnd) {
    }

    /** q5: an auction with the most bids in the sliding window ending at {@code windowEnd} (ties: one record each). */
    public record HotItem(long auction, long bids, long windowEnd) {
    }

    /** q7: a bid with the highest price in the tumbling window ending at {@code windowEnd} (ties: one record each). */
    public record HighestBid(long auction, long bidder, long price, long dateTime, long windowEnd) {
    }

    /** q8: a person who opened an auction in the same tumbling window as they joined (one record per auction). */
    public record PersonAuction(long person, String name, long reserve) {
    }

    /** The session query (Nexmark q11): the bids of one bidder in one session window {@code [start, end)}. */
    public record BidderSession(long bidder, long bids, long start, long end) {
    }
}
