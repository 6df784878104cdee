package io.weir.runtime.operators.window;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SliceTable#add}, the one-probe update of a record through the layouts' {@code compute}: the same
 * table, key filter and errors as {@code put(key, add(get(key), value))}, also where Agrona's {@code compute}
 * contract (a result equal to the missing value removes the entry, or adds none) meets a partial the layout
 * cannot hold, and where a record moves the table to another layout.
 */
class SliceTableAddTest {

    /** Sums {@code Long}s, or anything else into a string (so that a partial can leave the unboxed layout). */
    private static final SliceFunction SUM = new SliceFunction.Reduce(
            (ReduceFunction<Object>) (a, b) -> a instanceof Long x && b instanceof Long y ? (Object) (x + y) : a + "+" + b);

    /** Counts into a mutable {@code long[]}, updated in place. */
    private static final SliceFunction COUNT_IN_PLACE = aggregate(new AggregateFunction<Object, long[], Long>() {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Object value, long[] accumulator) {
            accumulator[0] += (Long) value;
            return accumulator;
        }

        @Override
        public Long getResult(long[] accumulator) {
            return accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    });

    /**
     * Sums into a {@code long[]}: in place for an even record, into a new array for an odd one, {@code null}
     * for a record of value -1 (so that a table switches between looking partials up and {@code compute}).
     */
    private static final SliceFunction SOMETIMES_IN_PLACE = aggregate(new AggregateFunction<Object, long[], Long>() {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Object value, long[] accumulator) {
            long v = (Long) value;
            if (v == -1) {
                return null;
            }
            if (v % 2 != 0) {
                return new long[] {accumulator[0] + v};
            }
            accumulator[0] += v;
            return accumulator;
        }

        @Override
        public Long getResult(long[] accumulator) {
            return accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0]};
        }
    });

    /** Returns {@code null} for a record of value 0, else counts into {@code Long}s. */
    private static final SliceFunction NULL_ON_ZERO = aggregate(new AggregateFunction<Object, Long, Long>() {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Object value, Long accumulator) {
            return (Long) value == 0 ? null : accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    });

    @SuppressWarnings("unchecked")
    private static SliceFunction aggregate(AggregateFunction<?, ?, ?> function) {
        return new SliceFunction.Aggregate((AggregateFunction<Object, Object, Object>) function);
    }

    private static Map<Object, Object> contents(SliceTable table) throws Exception {
        Map<Object, Object> out = new HashMap<>();
        table.forEach(out::put);
        return out;
    }

    /** {@code table} holds what the two-probe update gave {@code reference}, and its filter lets every key through. */
    private static void assertSameAs(SliceTable table, SliceTable reference) throws Exception {
        Map<Object, Object> expected = contents(reference);
        Map<Object, Object> actual = contents(table);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, partial) -> {
            Object got = actual.get(key);
            if (partial instanceof long[] counts) {
                assertThat(got).as("partial of %s", key).isInstanceOf(long[].class);
                assertThat((long[]) got).as("partial of %s", key).isEqualTo(counts);
            } else {
                assertThat(got).as("partial of %s", key).isEqualTo(partial);
            }
            assertThat(table.mightContain(key)).as("the filter lets %s through", key).isTrue();
        });
        assertThat(table.size()).isEqualTo(reference.size());
    }

    /** Batches of records, as the operator flushes them, against the two-probe update of each record. */
    @Test
    void shouldGiveTheTwoProbeUpdatesResultsInEveryLayout() throws Exception {
        Random random = new Random(5);
        for (SliceFunction function : new SliceFunction[] {SUM, COUNT_IN_PLACE, SOMETIMES_IN_PLACE}) {
            for (String keys : new String[] {"long", "string"}) {
                SliceTable table = new SliceTable(4); // grows, and rebuilds its filter, many times
                SliceTable reference = new SliceTable(4);
                Object[] batchKeys = new Object[256];
                Object[] batchValues = new Object[256];
                for (int records = 0; records < 50_000; ) {
                    int count = 1 + random.nextInt(256);
                    for (int i = 0; i < count; i++) {
                        int k = random.nextInt(5_000);
                        batchKeys[i] = keys.equals("long") ? (Object) (long) k : "k" + k;
                        // mostly even: the in-place mode holds for runs of records
                        batchValues[i] = (long) (random.nextInt(10) == 0 ? 1 + 2 * random.nextInt(50) : 2 * random.nextInt(50));
                        reference.put(batchKeys[i], function.add(reference.get(batchKeys[i]), batchValues[i]));
                    }
                    table.addAll(batchKeys, batchValues, count, function);
                    records += count;
                }
                assertSameAs(table, reference);
            }
        }
    }

    @Test
    void shouldKeepAnAccumulatorUpdatedInPlaceAsTheSameInstance() throws Exception {
        SliceTable table = new SliceTable(4);
        table.add(1L, 2L, COUNT_IN_PLACE); // the first entry: no layout yet
        Object first = table.get(1L);
        table.add(1L, 3L, COUNT_IN_PLACE); // through compute
        table.add(1L, 4L, COUNT_IN_PLACE);
        assertThat(table.get(1L)).isSameAs(first);
        assertThat(((long[]) first)[0]).isEqualTo(9);
        assertThat(table.size()).isOne();
    }

    /** Agrona's {@code compute} would remove the entry of a result equal to the missing marker: it must move instead. */
    @Test
    void shouldKeepAPartialThatBecomesTheMissingMarkerByMovingToBoxedValues() throws Exception {
        SliceTable table = new SliceTable(4);
        table.add(1L, 10L, SUM);
        table.add(2L, 20L, SUM);
        table.add(1L, Long.MIN_VALUE - 10, SUM); // 10 + (MIN - 10) = MIN: the unboxed layout's marker
        assertThat(contents(table)).containsOnly(Map.entry(1L, Long.MIN_VALUE), Map.entry(2L, 20L));
        table.add(1L, 1L, SUM); // now through the boxed layout's compute
        table.add(2L, 1L, SUM);
        assertThat(contents(table)).containsOnly(Map.entry(1L, Long.MIN_VALUE + 1), Map.entry(2L, 21L));
        assertThat(table.size()).isEqualTo(2);
    }

    /** And a new key whose first partial is the marker: {@code compute} would add no entry. */
    @Test
    void shouldAddANewKeyWhoseFirstPartialIsTheMissingMarker() throws Exception {
        SliceTable table = new SliceTable(4);
        table.add(1L, 10L, SUM);
        table.add(7L, Long.MIN_VALUE, SUM);
        assertThat(contents(table)).containsOnly(Map.entry(1L, 10L), Map.entry(7L, Long.MIN_VALUE));
        assertThat(table.mightContain(7L)).isTrue();
    }

    @Test
    void shouldMoveToBoxedValuesWhenAnUpdateGivesAPartialThatIsNotALong() throws Exception {
        SliceTable table = new SliceTable(4);
        for (long key = 0; key < 100; key++) {
            table.add(key, key, SUM);
        }
        table.add(50L, "x", SUM); // existing key: 50 + "+" + x
        table.add(500L, "y", SUM); // new key, first partial not a Long
        table.add(51L, 1L, SUM); // after the move
        assertThat(table.get(50L)).isEqualTo("50+x");
        assertThat(table.get(500L)).isEqualTo("y");
        assertThat(table.get(51L)).isEqualTo(52L);
        assertThat(table.get(0L)).isEqualTo(0L);
        assertThat(table.size()).isEqualTo(101);
        assertThat(table.mightContain(500L)).isTrue();
    }

    @Test
    void shouldMoveToObjectKeysWhenARecordsKeyIsNotALong() throws Exception {
        SliceTable table = new SliceTable(4);
        table.add(1L, 10L, SUM);
        table.add(2L, 5L, COUNT_IN_PLACE); // boxed values
        table.add("b", 3L, SUM); // object keys
        table.add("b", 4L, SUM); // through the object layout's compute
        table.add(1L, 1L, SUM);
        assertThat(table.get("b")).isEqualTo(7L);
        assertThat(table.get(1L)).isEqualTo(11L);
        assertThat((long[]) table.get(2L)).containsExactly(5L);
        assertThat(table.mightContain("b")).isTrue();
        assertThat(table.size()).isEqualTo(3);
    }

    /** New keys enter through {@code compute}: the table grows meanwhile, and each key enters the filter. */
    @Test
    void shouldRememberEveryKeyAddedThroughComputeInTheFilter() throws Exception {
        for (SliceFunction function : new SliceFunction[] {SUM, COUNT_IN_PLACE}) {
            for (String keys : new String[] {"long", "string"}) {
                SliceTable table = new SliceTable(4);
                table.add(keys.equals("long") ? (Object) (-1L) : "first", 1L, function); // picks the layout
                Random random = new Random(3);
                Map<Object, Boolean> held = new HashMap<>();
                for (int i = 0; i < 20_000; i++) {
                    Object key = keys.equals("long") ? (Object) random.nextLong() : "k" + random.nextLong();
                    held.put(key, true);
                    table.add(key, 1L, function);
                    assertThat(table.mightContain(key)).as("%s, just added", key).isTrue();
                }
                for (Object key : held.keySet()) {
                    assertThat(table.mightContain(key)).as("%s", key).isTrue();
                    assertThat(table.get(key)).as("%s", key).isNotNull();
                }
                assertThat(table.size()).isEqualTo(held.size() + 1);
            }
        }
    }

    @Test
    void shouldRefuseANullPartialNamingTheLikelyCauseAndLeaveTheTableAsItWas() throws Exception {
        for (Object other : new Object[] {2L, "two"}) { // a Long key (unboxed layout) or not (object keys)
            SliceTable table = new SliceTable(4);
            table.add(other, 1L, NULL_ON_ZERO);
            table.add(other, 1L, NULL_ON_ZERO);
            Object present = other;
            Object absent = other instanceof Long ? (Object) 3L : "three";
            for (Object key : new Object[] {present, absent}) {
                assertThatThrownBy(() -> table.add(key, 0L, NULL_ON_ZERO))
                        .isInstanceOf(NullPointerException.class).hasMessageContaining("createAccumulator");
            }
            assertThat(contents(table)).containsOnly(Map.entry(other, 2L));
            table.add(absent, 1L, NULL_ON_ZERO); // the table still works
            assertThat(contents(table)).containsOnly(Map.entry(other, 2L), Map.entry(absent, 1L));
        }
    }

    /** Whether the table looks partials up (in place) or computes them, a null is named and changes nothing. */
    @Test
    void shouldRefuseANullAccumulatorInPlaceOrNot() throws Exception {
        for (long before : new long[] {2L, 3L}) { // the last update in place (looked up next) or not (computed)
            SliceTable table = new SliceTable(4);
            table.add(1L, 2L, SOMETIMES_IN_PLACE); // the first entry
            table.add(1L, 2L, SOMETIMES_IN_PLACE); // compute: in place
            table.add(1L, before, SOMETIMES_IN_PLACE);
            for (Object key : new Object[] {9L, 1L}) { // absent, present
                assertThatThrownBy(() -> table.add(key, -1L, SOMETIMES_IN_PLACE))
                        .isInstanceOf(NullPointerException.class).hasMessageContaining("createAccumulator");
            }
            assertThat(table.size()).isOne();
            assertThat((long[]) table.get(1L)).containsExactly(4 + before);
            table.add(1L, 4L, SOMETIMES_IN_PLACE);
            table.add(9L, 4L, SOMETIMES_IN_PLACE);
            assertThat((long[]) table.get(1L)).containsExactly(8 + before);
            assertThat((long[]) table.get(9L)).containsExactly(4L);
            assertThat(table.mightContain(9L)).isTrue();
        }
    }

    @Test
    void shouldPassOnAnExceptionOfTheFunctionAndLeaveTheTableAsItWas() throws Exception {
        Exception boom = new Exception("boom");
        SliceFunction failing = new SliceFunction.Reduce((a, b) -> {
            if ((Long) b < 0) {
                throw boom;
            }
            return (Long) a + (Long) b;
        });
        SliceTable table = new SliceTable(4);
        table.add(1L, 1L, failing);
        table.add(1L, 2L, failing);
        assertThatThrownBy(() -> table.add(1L, -1L, failing)).isSameAs(boom);
        assertThat(contents(table)).containsOnly(Map.entry(1L, 3L));
        table.add(1L, 1L, failing);
        assertThat(contents(table)).containsOnly(Map.entry(1L, 4L));
    }
}
