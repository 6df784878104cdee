package io.weir.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares collections of records as multisets in linear time (by {@code equals}/{@code hashCode}), with
 * a short message listing the first differences: AssertJ's any-order comparisons are quadratic, too slow
 * for tens of thousands of records.
 */
public final class Multisets {
    private static final int SHOWN = 10;

    private Multisets() {
    }

    /** Throws {@link AssertionError} unless {@code actual} holds exactly the elements of {@code expected}, counting repeats. */
    public static <T> void assertSame(String what, List<T> expected, List<T> actual) {
        Map<T, Integer> counts = counts(expected);
        List<T> unexpected = new ArrayList<>();
        for (T a : actual) {
            if (counts.merge(a, -1, Integer::sum) < 0) {
                unexpected.add(a);
            }
        }
        List<T> missing = new ArrayList<>();
        counts.forEach((k, v) -> {
            for (int i = 0; i < v; i++) {
                missing.add(k);
            }
        });
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new AssertionError(what + ": expected " + expected.size() + " records, got " + actual.size()
                    + "; missing " + missing.size() + " " + first(missing) + ", unexpected or duplicated "
                    + unexpected.size() + " " + first(unexpected));
        }
    }

    /** Throws {@link AssertionError} unless every element of {@code expected} occurs in {@code actual}. */
    public static <T> void assertContainsAll(String what, List<T> expected, List<T> actual) {
        Map<T, Integer> counts = counts(actual);
        List<T> missing = expected.stream().filter(e -> !counts.containsKey(e)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError(what + ": " + missing.size() + " of " + expected.size()
                    + " expected records are missing " + first(missing));
        }
    }

    private static <T> Map<T, Integer> counts(List<T> list) {
        Map<T, Integer> counts = new HashMap<>();
        list.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    private static <T> String first(List<T> list) {
        return list.isEmpty() ? "" : "(first: " + list.subList(0, Math.min(SHOWN, list.size())) + ")";
    }
}
