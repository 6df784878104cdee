package io.weir.runtime.operators.window;

import io.weir.api.functions.Collector;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.runtime.graph.KeyGroups;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.KeyedStore;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.weir.runtime.operators.window.Defs.ms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SliceTableWindowOperator} sets the key of each window result lazily (its key group is computed
 * only if the process window function uses keyed state): a function that does, here on some keys only,
 * reads and writes each key's own state, kept in the key's key group, as under the per-window operator.
 */
class SliceTableLazyKeyTest {
    private static final ValueStateDescriptor<Long> FIRES = new ValueStateDescriptor<>("fires", Long.class);

    /** Counts the results of keys starting with "s" in global state; other keys use no state. */
    static final class CountingSomeKeys extends ProcessWindowFunction<String, String, String, Window> {
        @Override
        public void process(String key, Context context, Iterable<String> elements, Collector<String> out) throws Exception {
            String result = elements.iterator().next();
            if (key.startsWith("s")) {
                ValueState<Long> fires = context.globalState().getState(FIRES);
                long n = fires.value() == null ? 1 : fires.value() + 1;
                fires.update(n);
                out.collect(key + Ev.bounds(context.window()) + ":" + result + " #" + n);
            } else {
                out.collect(key + Ev.bounds(context.window()) + ":" + result);
            }
        }
    }

    private static WindowDefinition definition() {
        return Defs.window(SlidingEventTimeWindows.of(ms(6), ms(2))).lateness(4).aggregate(Ev.COUNT_SUM, new CountingSomeKeys());
    }

    @Test
    void aProcessFunctionReadsEachResultsKeysStateInItsKeyGroup() {
        try (var reference = WindowHarness.of(definition()); var tables = WindowHarness.tables(definition())) {
            Random random = new Random(11);
            for (long t = 0; t < 200; t++) {
                for (int i = 0; i < 4; i++) {
                    String key = (random.nextBoolean() ? "s" : "p") + random.nextInt(40);
                    long time = random.nextInt(6) == 0 ? t - random.nextInt(8) : t; // some late, re-firing
                    Ev ev = Ev.of(key, random.nextInt(5));
                    reference.element(ev, time);
                    tables.element(ev, time);
                }
                if (t % 3 == 0) {
                    reference.watermark(t - 1);
                    tables.watermark(t - 1);
                }
                assertThat(tables.drain()).as("at %d", t).containsExactlyInAnyOrderElementsOf(reference.drain());
            }
            reference.watermark(Long.MAX_VALUE);
            tables.watermark(Long.MAX_VALUE);
            assertThat(tables.drain()).containsExactlyInAnyOrderElementsOf(reference.drain());
            assertThat(keysOutsideTheirKeyGroup(tables)).isZero();
            assertThat(fireCounts(tables)).isPositive().isEqualTo(fireCounts(reference));
        }
    }

    /** Entries of the global state whose key is not in the key group it is kept in. */
    private static int keysOutsideTheirKeyGroup(WindowHarness harness) {
        KeyedStateBackend backend = harness.keyedState.backend();
        int wrong = 0;
        for (KeyedStore<?, ?> store : backend.stores()) {
            for (int kg = backend.keyGroupRange().first(); kg <= backend.keyGroupRange().last(); kg++) {
                EntryCursor<?, ?> cursor = store.cursor(kg);
                while (cursor.next()) {
                    if (KeyGroups.keyGroupFor(cursor.key(), backend.parameters().maxParallelism()) != kg) {
                        wrong++;
                    }
                }
            }
        }
        return wrong;
    }

    /** The global state entries ("fires" of the "s" keys). */
    private static int fireCounts(WindowHarness harness) {
        KeyedStateBackend backend = harness.keyedState.backend();
        int count = 0;
        for (KeyedStore<?, ?> store : backend.stores()) {
            if (!store.spec().name().equals("fires")) {
                continue;
            }
            for (int kg = backend.keyGroupRange().first(); kg <= backend.keyGroupRange().last(); kg++) {
                EntryCursor<?, ?> cursor = store.cursor(kg);
                while (cursor.next()) {
                    count++;
                }
            }
        }
        return count;
    }
}
