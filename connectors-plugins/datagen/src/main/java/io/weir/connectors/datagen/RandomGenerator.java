package io.weir.connectors.datagen;

/**
 * Uniformly distributed longs in {@code [0, bound)} (or over the whole range when {@code bound <= 0}):
 * event {@code i} is a hash of {@code (seed, i)}.
 *
 * @param seed      the seed
 * @param bound     exclusive upper bound, or {@code 0} for any long
 * @param eventTime the event time of each number
 */
public record RandomGenerator(long seed, long bound, EventTime eventTime) implements IndexedGenerator<Long> {
    @Override
    public Long event(long index) {
        long h = Mix.hash(seed, index);
        return bound > 0 ? Mix.below(h, bound) : h;
    }

    @Override
    public long timestamp(long index, Long event) {
        return eventTime.timestamp(index, Mix.hash(seed, index));
    }

    @Override
    public Class<Long> type() {
        return Long.class;
    }
}
