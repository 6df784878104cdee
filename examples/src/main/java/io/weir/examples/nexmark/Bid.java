package io.weir.examples.nexmark;

import java.util.Comparator;

/**
 * One bid of the Nexmark auction benchmark, cut down to what the queries read.
 *
 * @param auction  the auction bid on
 * @param bidder   who bid
 * @param price    the bid in cents
 * @param dateTime when the bid was made: its event time, in epoch milliseconds
 */
public record Bid(long auction, long bidder, long price, long dateTime) {

    /**
     * The order in which bids win: the highest price; among equal prices the earliest bid, then the
     * lowest auction and bidder. It is total on the fields, so the winner of a window never depends on
     * the order in which its bids arrived.
     */
    public static final Comparator<Bid> WINNING_ORDER = Comparator.comparingLong(Bid::price).reversed()
            .thenComparingLong(Bid::dateTime)
            .thenComparingLong(Bid::auction)
            .thenComparingLong(Bid::bidder);

    /** The winner of {@code a} and {@code b} by {@link #WINNING_ORDER}. */
    public static Bid higher(Bid a, Bid b) {
        return WINNING_ORDER.compare(a, b) <= 0 ? a : b;
    }
}
