package io.weir.runtime.operators.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static io.weir.runtime.operators.window.Ev.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Process window functions: contents, per-window and global state, side outputs, lifecycle. */
class ProcessWindowFunctionTest {

    /** Emits "key window fire#n total#m" where n counts fires of the window, m of the key; cleans up per-window state. */
    static final class CountingFires<IN> extends ProcessWindowFunction<IN, String, String, Window> {
        private static final ValueStateDescriptor<Long> FIRES = new ValueStateDescriptor<>("fires", Long.class);
        private static final ValueStateDescriptor<Long> TOTAL = new ValueStateDescriptor<>("total", Long.class);
        final List<String> lifecycle = new ArrayList<>();

        @Override
        public void open(RuntimeContext context) {
            lifecycle.add("open " + context.operatorName());
        }

        @Override
        public void close() {
            lifecycle.add("close");
        }

        @Override
        public void process(String key, Context context, Iterable<IN> elements, Collector<String> out) {
            long n = increment(context.windowState().getState(FIRES));
            long m = increment(context.globalState().getState(TOTAL));
            List<String> all = new ArrayList<>();
            elements.forEach(e -> all.add(String.valueOf(e)));
            out.collect(key + Ev.bounds(context.window()) + " " + all + " fire#" + n + " total#" + m);
            context.output(WindowHarness.SIDE, "wm=" + context.currentWatermark());
        }

        @Override
        public void clear(Context context) {
            context.windowState().getState(FIRES).clear();
            lifecycle.add("clear " + Ev.bounds(context.window()));
        }

        private static long increment(ValueState<Long> state) {
            long next = state.value() == null ? 1 : state.value() + 1;
            state.update(next);
            return next;
        }
    }

    @Test
    void shouldHandAllRecordsOfTheWindowInArrivalOrder() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10))).process(Ev.describing()))) {
            h.element(of("a", 3), 5).element(of("a", 1), 2).element(of("a", 2), 9).element(of("a", 7), 10);
            assertThat(h.watermark(9).drain()).containsExactly("a[0,10):a=3,a=1,a=2@9", "wm:9");
        }
    }

    @Test
    void shouldKeepPerWindowStateUntilCleanupAndGlobalStateBeyond() {
        var function = new CountingFires<Ev>();
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10))).lateness(5).process(function))) {
            h.element(of("a", 1), 1);
            assertThat(h.watermark(9).drain()).containsExactly("a[0,10) [a=1] fire#1 total#1@9", "side:wm=9@9", "wm:9");
            assertThat(h.element(of("a", 2), 2).drain()).containsExactly("a[0,10) [a=1, a=2] fire#2 total#2@9", "side:wm=9@9");
            h.watermark(14);
            assertThat(function.lifecycle).containsExactly("open window", "clear [0,10)");
            h.element(of("a", 4), 12).watermark(19).drain();
            // the new window counts its own fires from 1; the key's total goes on
            h.element(of("a", 8), 13);
            assertThat(h.drain()).containsExactly("a[10,20) [a=4, a=8] fire#2 total#4@19", "side:wm=19@19");
            h.watermark(24);
            // only the global state remains
            assertThat(h.stateEntries()).isEqualTo(1);
        }
        assertThat(function.lifecycle).endsWith("close");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldHandTheReducedValueToTheProcessFunction(String kind) {
        var definition = window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM, Ev.describing());
        try (var h = WindowHarness.of(kind, definition)) {
            h.element(of("a", 1), 1).element(of("a", 2), 2).element(of("b", 5), 3);
            assertThat(h.watermark(9).drain()).containsExactlyInAnyOrder("a[0,10):a=3@9", "b[0,10):b=5@9", "wm:9");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldHandTheAggregateResultToTheProcessFunction(String kind) {
        var function = new CountingFires<String>();
        var definition = window(TumblingEventTimeWindows.of(ms(10))).lateness(5).aggregate(Ev.COUNT_SUM, function);
        try (var h = WindowHarness.of(kind, definition)) {
            h.element(of("a", 1), 1).element(of("a", 2), 2);
            assertThat(h.watermark(9).drain()).containsExactly("a[0,10) [2/3] fire#1 total#1@9", "side:wm=9@9", "wm:9");
            assertThat(h.element(of("a", 4), 3).drain()).containsExactly("a[0,10) [3/7] fire#2 total#2@9", "side:wm=9@9");
            h.watermark(14);
            assertThat(function.lifecycle).containsExactly("open window", "clear [0,10)");
            assertThat(h.stateEntries()).isEqualTo(1);
        }
    }

    @Test
    void shouldEmitAggregateResultsWithoutAProcessFunction() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10))).aggregate(Ev.COUNT_SUM))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2);
            assertThat(h.watermark(9).drain()).containsExactly("2/3@9", "wm:9");
        }
    }
}
