package io.weir.connectors.datagen;

import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;

/**
 * Nexmark events as a pure function of {@code (seed, index)}. In each block of {@value #BLOCK} events,
 * offset 0 is a person, offsets 1 to 3 auctions and offsets 4 to 49 bids (1 : 3 : 46, as the Nexmark
 * benchmark's defaults). Ids are dense and follow creation order, so an auction's seller and a bid's
 * bidder and auction always exist already; bids favour the {@value #HOT} most recent auctions and
 * bidders, as Nexmark's "hot" items do.
 *
 * @param seed      the seed
 * @param eventTime event time, disorder and late events
 */
public record NexmarkGenerator(long seed, EventTime eventTime) implements IndexedGenerator<NexmarkEvent> {
    /** Events per block. */
    public static final int BLOCK = 50;
    /** Persons per block. */
    public static final int PERSONS = 1;
    /** Auctions per block. */
    public static final int AUCTIONS = 3;
    /** How many of the most recent auctions and persons bids choose from. */
    static final int HOT = 100;
    private static final long AUCTION_LENGTH_MS = 10_000;
    private static final String[] FIRST = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
            "Sarah", "Deiter", "Walter"};
    private static final String[] LAST = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton",
            "Smith", "Jones", "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland",
            "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    /** {@code "first last"} for every pair, so that a person costs no concatenation of names. */
    private static final String[][] NAMES = new String[FIRST.length][LAST.length];
    /** {@code "first.last"} in lower case for every pair, the start of the e-mail address. */
    private static final String[][] MAILS = new String[FIRST.length][LAST.length];

    static {
        for (int f = 0; f < FIRST.length; f++) {
            for (int l = 0; l < LAST.length; l++) {
                NAMES[f][l] = FIRST[f] + " " + LAST[l];
                MAILS[f][l] = (FIRST[f] + "." + LAST[l]).toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    @Override
    public NexmarkEvent event(long index) {
        long block = index / BLOCK;
        int offset = (int) (index % BLOCK);
        long h = Mix.hash(seed, index);
        long time = eventTime.timestamp(index, h);
        if (offset < PERSONS) {
            int first = pick(FIRST.length, h, 0);
            int last = pick(LAST.length, h, 1);
            return new Person(block, NAMES[first][last], MAILS[first][last] + block + "@example.com",
                    CITIES[pick(CITIES.length, h, 2)], STATES[pick(STATES.length, h, 3)], time);
        }
        long persons = block + 1;
        if (offset < PERSONS + AUCTIONS) {
            long initial = 1 + Mix.below(Mix.draw(h, 4), 1000);
            return new Auction(block * AUCTIONS + offset - PERSONS, recent(persons, h, 5), 10 + Mix.below(Mix.draw(h, 6), 5),
                    initial, initial + Mix.below(Mix.draw(h, 7), 1000), time,
                    time + AUCTION_LENGTH_MS + Mix.below(Mix.draw(h, 8), AUCTION_LENGTH_MS));
        }
        long auctions = (block + 1) * AUCTIONS;
        return new Bid(recent(auctions, h, 9), recent(persons, h, 10), 100 + Mix.below(Mix.draw(h, 11), 10_000), time);
    }

    @Override
    public long timestamp(long index, NexmarkEvent event) {
        return event.dateTime();
    }

    @Override
    public Class<NexmarkEvent> type() {
        return NexmarkEvent.class;
    }

    /** One of the {@value #HOT} newest of {@code count} ids. */
    private static long recent(long count, long h, int k) {
        return count - 1 - Mix.below(Mix.draw(h, k), Math.min(count, HOT));
    }

    /** An index in {@code [0, size)}: the {@code k}-th draw of the event's hash. */
    private static int pick(int size, long h, int k) {
        return (int) Mix.below(Mix.draw(h, k), size);
    }
}
