package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * A contiguous, possibly empty range of key groups {@code [first, last]} (both inclusive): the key
 * groups one operator subtask owns. Empty when {@code last == first - 1} (a subtask of an operator
 * whose parallelism exceeds its number of key groups).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param first the first key group, inclusive, at least 0
 * @param last  the last key group, inclusive, at least {@code first - 1}
 */
@Evolving
public record KeyGroupRange(int first, int last) {

    public KeyGroupRange {
        if (first < 0 || last < first - 1) {
            throw new IllegalArgumentException("invalid key-group range [" + first + ", " + last + "]");
        }
    }

    /** The range {@code [first, last]}. */
    public static KeyGroupRange of(int first, int last) {
        return new KeyGroupRange(first, last);
    }

    /** Whether {@code keyGroup} is in the range. */
    public boolean contains(int keyGroup) {
        return keyGroup >= first && keyGroup <= last;
    }

    /** The number of key groups in the range. */
    public int size() {
        return last - first + 1;
    }

    /** Whether the range has no key group. */
    public boolean isEmpty() {
        return last < first;
    }

    @Override
    public String toString() {
        return "[" + first + ", " + last + "]";
    }
}
