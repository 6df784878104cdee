package io.weir.runtime.operators.window;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SliceTableTest {

    private static Map<Object, Object> contents(SliceTable table) throws Exception {
        Map<Object, Object> out = new HashMap<>();
        table.forEach(out::put);
        return out;
    }

    @Test
    void shouldKeepLongCountsUnboxedAndGiveThemBackAsEqualLongs() throws Exception {
        SliceTable table = new SliceTable(4);
        Map<Object, Object> model = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Long key = (long) random.nextInt(3_000) - 1_500;
            Long count = (Long) table.get(key);
            Long next = count == null ? 1L : count + 1;
            table.put(key, next);
            model.merge(key, 1L, (a, b) -> (Long) a + (Long) b);
        }
        assertThat(contents(table)).isEqualTo(model);
        assertThat(table.size()).isEqualTo(model.size());
        assertThat(table.get("not a long")).isNull();
    }

    @Test
    void shouldMoveToBoxedValuesWhenAPartialIsNotALongOrIsTheMissingMarker() throws Exception {
        SliceTable table = new SliceTable(4);
        table.put(1L, 10L);
        table.put(2L, Long.MIN_VALUE);
        table.put(3L, "three");
        assertThat(contents(table)).containsOnly(Map.entry(1L, 10L), Map.entry(2L, Long.MIN_VALUE), Map.entry(3L, "three"));
    }

    @Test
    void shouldMoveToObjectKeysWhenAKeyIsNotALong() throws Exception {
        SliceTable table = new SliceTable(4);
        table.put(1L, 10L);
        table.put("b", 20L);
        table.put(3, "c");
        assertThat(contents(table)).containsOnly(Map.entry(1L, 10L), Map.entry("b", 20L), Map.entry(3, "c"));
        assertThat(table.get(1L)).isEqualTo(10L);
        assertThat(table.get(3)).isEqualTo("c");
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(contents(table)).isEmpty();
    }

    @Test
    void shouldRefuseANullPartialNamingTheLikelyCause() {
        assertThatThrownBy(() -> new SliceTable(4).put("k", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("createAccumulator");
    }

    @Test
    void shouldNeverFilterOutAKeyItHoldsAndFilterOutMostKeysItDoesNot() throws Exception {
        SliceTable table = new SliceTable(4); // grows (and rebuilds its filter) many times
        Random random = new Random(11);
        java.util.Set<Long> held = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong();
            held.add(key);
            table.put(key, (long) i);
            if (i == 150_000) {
                table.put(key, "not a long: the table moves to boxed values");
            }
        }
        table.put("a string key", 1L); // and to object keys
        for (long key : held) {
            assertThat(table.mightContain(key)).isTrue();
            assertThat(table.mightContain((Object) key)).isTrue();
        }
        assertThat(table.mightContain("a string key")).isTrue();
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            long absent = random.nextLong();
            if (!held.contains(absent) && table.mightContain(absent)) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("absent keys the filter lets through, of 100,000").isLessThan(3_000);
        table.clear();
        int stillIn = 0;
        for (long key : held) {
            stillIn += table.mightContain(key) ? 1 : 0;
        }
        assertThat(stillIn).as("keys the filter still lets through after clear()").isZero();
    }

    @Test
    void shouldAnswerMaybeForEveryKeyWithoutAFilterAndBuildOneFromItsKeysWhenAsked() {
        SliceTable table = new SliceTable(16, false);
        for (long key = 0; key < 1_000; key++) {
            table.put(key, key);
        }
        assertThat(table.filtered()).isFalse();
        assertThat(table.mightContain(5_000L)).isTrue();
        assertThat(table.mightContain("x")).isTrue();
        table.filter();
        assertThat(table.filtered()).isTrue();
        for (long key = 0; key < 2_000; key++) {
            table.put(key, key); // keys added after filter() enter it too
        }
        int falsePositives = 0;
        for (long key = 0; key < 2_000; key++) {
            assertThat(table.mightContain(key)).isTrue();
            falsePositives += table.mightContain(key + 1_000_000) ? 1 : 0;
        }
        assertThat(falsePositives).as("absent keys let through, of 2,000").isLessThan(100);
    }

    @Test
    void shouldFilterOutMostAbsentKeysOfARunOfConsecutiveKeys() {
        SliceTable table = new SliceTable(1_000); // auction ids: consecutive numbers
        for (long key = 1_000_000; key < 1_100_000; key++) {
            table.put(key, 1L);
        }
        int falsePositives = 0;
        for (long absent = 1_100_000; absent < 1_200_000; absent++) {
            falsePositives += table.mightContain(absent) ? 1 : 0;
        }
        assertThat(falsePositives).as("absent keys the filter lets through, of 100,000").isLessThan(3_000);
    }
}
