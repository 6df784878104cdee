package io.weir.connectors.datagen;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;

import java.time.Duration;
import java.util.Set;

/**
 * {@code source = datagen}: a {@link DatagenSource} from configuration, for example
 * {@code source = datagen, kind = nexmark, events = 1000000, rate = 50000, seed = 7,
 * out-of-orderness = 200ms, late-fraction = 0.01}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class DatagenSourceFactory implements SourceFactory {
    /** What to generate. */
    public enum Kind {
        /** Nexmark persons, auctions and bids ({@link NexmarkEvent}). */
        NEXMARK,
        /** The longs {@code from, from + 1, ...}. */
        SEQUENCE,
        /** Random longs in {@code [0, bound)}. */
        RANDOM
    }

    public static final ConfigOption<Kind> KIND = ConfigOption.of("kind", Kind.class, Kind.NEXMARK,
            "what to generate: nexmark events, a sequence of longs or random longs");
    public static final ConfigOption<Long> EVENTS = ConfigOption.of("events", Long.class, 0L,
            "how many events in all; 0 for an unbounded stream");
    public static final ConfigOption<Double> RATE = ConfigOption.of("rate", Double.class, 0.0,
            "events per second over all readers; 0 for as fast as possible");
    public static final ConfigOption<Long> SEED = ConfigOption.of("seed", Long.class, 0L,
            "seed of every random choice: the same seed gives the same events");
    public static final ConfigOption<Integer> SPLITS = ConfigOption.of("splits", Integer.class, 0,
            "how many splits; 0 for one per reader");
    public static final ConfigOption<Long> START_TIME = ConfigOption.of("start-time", Long.class, 1_767_225_600_000L,
            "event time of the first event, epoch milliseconds (default 2026-01-01T00:00:00Z)");
    public static final ConfigOption<Duration> EVENT_INTERVAL = ConfigOption.of("event-interval", Duration.class,
            Duration.ofMillis(1), "event time between two consecutive events (such as 1ms or 10us)");
    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = ConfigOption.of("out-of-orderness", Duration.class,
            Duration.ZERO, "how far back an on-time event's timestamp may be shifted");
    public static final ConfigOption<Double> LATE_FRACTION = ConfigOption.of("late-fraction", Double.class, 0.0,
            "share (0..1) of events shifted back further than out-of-orderness");
    public static final ConfigOption<Duration> LATE_DELAY = ConfigOption.of("late-delay", Duration.class,
            Duration.ofSeconds(1), "how much further than out-of-orderness a late event may be shifted");
    public static final ConfigOption<Long> FROM = ConfigOption.of("from", Long.class, 0L,
            "first number of kind = sequence");
    public static final ConfigOption<Long> BOUND = ConfigOption.of("bound", Long.class, 0L,
            "exclusive upper bound of kind = random; 0 for any long");

    @Override
    public String name() {
        return "datagen";
    }

    @Override
    public String description() {
        return "generated Nexmark events, sequences or random numbers: seeded, splittable, rate-limited";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(KIND, EVENTS, RATE, SEED, SPLITS, START_TIME, EVENT_INTERVAL, OUT_OF_ORDERNESS, LATE_FRACTION,
                LATE_DELAY, FROM, BOUND);
    }

    @Override
    public Source<?> create(Configuration configuration) {
        long seed = configuration.get(SEED);
        EventTime eventTime;
        try {
            eventTime = new EventTime(configuration.get(START_TIME), configuration.get(EVENT_INTERVAL).toNanos(),
                    configuration.get(OUT_OF_ORDERNESS).toMillis(), configuration.get(LATE_FRACTION),
                    Math.max(1, configuration.get(LATE_DELAY).toMillis()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source 'datagen': " + e.getMessage() + " (options " + EVENT_INTERVAL.key()
                    + ", " + OUT_OF_ORDERNESS.key() + ", " + LATE_FRACTION.key() + ", " + LATE_DELAY.key() + ")", e);
        }
        IndexedGenerator<?> generator = switch (configuration.get(KIND)) {
            case NEXMARK -> new NexmarkGenerator(seed, eventTime);
            case SEQUENCE -> new SequenceGenerator(configuration.get(FROM), seed, eventTime);
            case RANDOM -> new RandomGenerator(seed, configuration.get(BOUND), eventTime);
        };
        return new DatagenSource<>(generator, configuration.get(EVENTS), configuration.get(RATE), configuration.get(SPLITS));
    }
}
