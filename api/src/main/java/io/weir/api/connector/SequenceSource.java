package io.weir.api.connector;

import io.weir.api.annotation.Internal;

/**
 * The source behind {@code fromSequence(from, to)}: every long in {@code [from, to]} (both included),
 * split into contiguous ranges across the parallel subtasks.
 *
 * @param from first value
 * @param to   last value, {@code >= from}
 */
@Internal
public record SequenceSource(long from, long to) implements Source<Long> {
    public SequenceSource {
        if (to < from) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): 'to' must not be less than 'from'");
        }
    }
}
