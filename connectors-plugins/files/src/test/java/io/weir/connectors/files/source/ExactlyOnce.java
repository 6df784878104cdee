package io.weir.connectors.files.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A linear-time "same elements, same counts" check that names what is missing and what is extra. */
final class ExactlyOnce {
    private ExactlyOnce() {
    }

    /** Asserts that {@code actual} holds every element of {@code expected} as often, in any order. */
    static <T> void assertSameElements(String what, List<T> actual, List<T> expected) {
        Map<T, Integer> counts = new HashMap<>();
        expected.forEach(e -> counts.merge(e, 1, Integer::sum));
        actual.forEach(a -> counts.merge(a, -1, Integer::sum));
        Map<String, Integer> wrong = new TreeMap<>();
        counts.forEach((element, count) -> {
            if (count != 0) {
                wrong.put(String.valueOf(element), count);
            }
        });
        assertThat(wrong).as("%s: element -> (expected - actual) count, %d actual, %d expected", what, actual.size(),
                expected.size()).isEmpty();
    }
}
