package io.weir.connectors.datagen;

/**
 * One event of the Nexmark auction benchmark: a new {@link Person}, a new {@link Auction} or a {@link Bid}.
 * The generator emits them in the proportions 1 : 3 : 46 (in every block of 50 events: one person, then
 * three auctions, then 46 bids).
 */
public sealed interface NexmarkEvent permits NexmarkEvent.Person, NexmarkEvent.Auction, NexmarkEvent.Bid {

    /** The event time, epoch milliseconds. */
    long dateTime();

    /**
     * A person joins the auction site.
     *
     * @param id       person id, 0, 1, 2, ... in order of creation
     * @param name     full name
     * @param email    e-mail address
     * @param city     city
     * @param state    US state
     * @param dateTime event time
     */
    record Person(long id, String name, String email, String city, String state, long dateTime) implements NexmarkEvent {
    }

    /**
     * A person opens an auction.
     *
     * @param id         auction id, 0, 1, 2, ... in order of creation
     * @param seller     the person who sells
     * @param category   item category
     * @param initialBid the starting price
     * @param reserve    the least price the seller accepts
     * @param dateTime   event time
     * @param expires    when the auction closes, event time
     */
    record Auction(long id, long seller, long category, long initialBid, long reserve, long dateTime, long expires)
            implements NexmarkEvent {
    }

    /**
     * A person bids on an auction.
     *
     * @param auction  the auction
     * @param bidder   the person who bids
     * @param price    the amount bid
     * @param dateTime event time
     */
    record Bid(long auction, long bidder, long price, long dateTime) implements NexmarkEvent {
    }
}
