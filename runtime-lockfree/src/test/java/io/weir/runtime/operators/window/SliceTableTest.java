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
}
