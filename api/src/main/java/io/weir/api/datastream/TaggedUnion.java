package io.weir.api.datastream;

import io.weir.api.annotation.Internal;

/**
 * A record of either the left ({@code one}) or the right ({@code two}) input of a two-stream operation
 * built on a union (window join, interval join), as Flink's {@code TaggedUnion}. Exactly one is set.
 *
 * @param one the left record, or {@code null}
 * @param two the right record, or {@code null}
 * @param <A> left type
 * @param <B> right type
 */
@Internal
public record TaggedUnion<A, B>(A one, B two) {
    public TaggedUnion {
        if ((one == null) == (two == null)) {
            throw new IllegalArgumentException("exactly one side of a TaggedUnion must be set");
        }
    }

    public static <A, B> TaggedUnion<A, B> left(A value) {
        return new TaggedUnion<>(value, null);
    }

    public static <A, B> TaggedUnion<A, B> right(B value) {
        return new TaggedUnion<>(null, value);
    }

    public boolean isLeft() {
        return one != null;
    }
}
