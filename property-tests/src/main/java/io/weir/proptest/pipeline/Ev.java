package io.weir.proptest.pipeline;

import java.io.Serializable;

/**
 * The one record type of every pipeline: a key, a value, the event time it was created with, and two
 * fields that keyed stages fill ({@code a}, {@code b}; see {@link KeyedStage}). Immutable.
 *
 * @param key   the key ({@code keyBy} uses it)
 * @param value the payload that stateless stages transform and reductions sum
 * @param ts    the event timestamp carried as data (stateless stages keep it)
 * @param a     first result field of a keyed stage (0 before one)
 * @param b     second result field of a keyed stage (0 before one)
 */
public record Ev(int key, long value, long ts, long a, long b) implements Serializable {

    /** A source record. */
    public static Ev of(int key, long value, long ts) {
        return new Ev(key, value, ts, 0, 0);
    }
}
