package io.weir.proptest;

import io.weir.proptest.pipeline.Ev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Comparisons of outputs: as multisets, and per key in order. */
final class Outputs {
    private Outputs() {
    }

    /** Counts per record. */
    static Map<Ev, Integer> multiset(List<Ev> records) {
        Map<Ev, Integer> counts = new HashMap<>();
        records.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    /** The records of each key, in order. */
    static Map<Integer, List<Ev>> perKey(List<Ev> records) {
        Map<Integer, List<Ev>> byKey = new TreeMap<>();
        records.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        return byKey;
    }

    /** A short description of how {@code actual} differs from {@code expected} as multisets, or {@code null}. */
    static String multisetDifference(List<Ev> expected, List<Ev> actual) {
        Map<Ev, Integer> missing = new LinkedHashMap<>();
        Map<Ev, Integer> extra = new LinkedHashMap<>();
        Map<Ev, Integer> e = multiset(expected);
        Map<Ev, Integer> a = multiset(actual);
        e.forEach((k, n) -> {
            int d = n - a.getOrDefault(k, 0);
            if (d > 0) {
                missing.put(k, d);
            }
        });
        a.forEach((k, n) -> {
            int d = n - e.getOrDefault(k, 0);
            if (d > 0) {
                extra.put(k, d);
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return "expected " + expected.size() + " records, committed " + actual.size() + "; missing " + limit(missing)
                + "; unexpected " + limit(extra);
    }

    private static String limit(Map<Ev, Integer> m) {
        return m.size() + " distinct " + m.entrySet().stream().limit(8).toList() + (m.size() > 8 ? "..." : "");
    }
}
