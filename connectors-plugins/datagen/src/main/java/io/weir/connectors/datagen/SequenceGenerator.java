package io.weir.connectors.datagen;

/**
 * The numbers {@code from, from + 1, ...}: event {@code i} is {@code from + i}.
 *
 * @param from      the first number
 * @param seed      seeds the event-time disorder
 * @param eventTime the event time of each number
 */
public record SequenceGenerator(long from, long seed, EventTime eventTime) implements IndexedGenerator<Long> {
    @Override
    public Long event(long index) {
        return from + index;
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
