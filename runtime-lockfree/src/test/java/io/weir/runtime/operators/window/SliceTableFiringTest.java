package io.weir.runtime.operators.window;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.runtime.checkpoint.OperatorListState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static io.weir.runtime.operators.window.Defs.ms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link SliceTableWindowOperator} fires sliding windows: walking the slices (keys in one slice emitted
 * straight from it, keys in several combined by lookups) or folding them, switching between the two with the
 * shape of the data, always with the results of the per-window {@link WindowOperator}; and the clean-up of
 * per-window state, which is skipped when the process window function does not override {@code clear}.
 */
class SliceTableFiringTest {

    /** A record with a {@code long} key, as a Nexmark bid's auction. */
    record Bid(long auction, long value) {
        @Override
        public String toString() {
            return auction + "=" + value;
        }
    }

    private static final KeySelector<Bid, Long> AUCTION = Bid::auction;

    /** Counts into {@code Long} accumulators: slices of {@code Long} keys and partials (the unboxed layout). */
    private static final AggregateFunction<Bid, Long, Long> COUNT = new AggregateFunction<>() {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Bid value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    };

    /** Sums into a new record (object partials under {@code long} keys). */
    private static final ReduceFunction<Bid> SUM = (a, b) -> new Bid(a.auction(), a.value() + b.value());

    /** Emits {@code key[start,end):result}; no per-window state, no {@code clear}. */
    static final class Describing extends ProcessWindowFunction<Object, String, Long, Window> {
        @Override
        public void process(Long key, Context context, Iterable<Object> elements, Collector<String> out) {
            out.collect(key + Ev.bounds(context.window()) + ":" + elements.iterator().next());
        }
    }

    /** Counts the firings of each window in per-window state, and clears it (recording each clear). */
    static class CountingFiresClearing extends ProcessWindowFunction<Object, String, Long, Window> {
        private static final ValueStateDescriptor<Long> FIRES = new ValueStateDescriptor<>("fires", Long.class);
        final List<String> clears = new ArrayList<>();

        @Override
        public void process(Long key, Context context, Iterable<Object> elements, Collector<String> out) throws Exception {
            ValueState<Long> fires = context.windowState().getState(FIRES);
            long n = fires.value() == null ? 1 : fires.value() + 1;
            fires.update(n);
            out.collect(key + Ev.bounds(context.window()) + ":" + elements.iterator().next() + " fire#" + n);
        }

        @Override
        public void clear(Context context) throws Exception {
            context.windowState().getState(FIRES).clear();
            clears.add(Ev.bounds(context.window()));
        }
    }

    /** A subclass that inherits {@code clear}: still clears. */
    static final class InheritsClear extends CountingFiresClearing {
    }

    private static WindowDefinition definition(long lateness, String function) {
        Supplier<WindowFunctionSpec> spec = () -> switch (function) {
            case "count" -> new WindowFunctionSpec.Aggregate(COUNT, null);
            case "sum" -> new WindowFunctionSpec.Reduce(SUM, null);
            case "count+describing" -> new WindowFunctionSpec.Aggregate(COUNT, new Describing());
            case "sum+clearing" -> new WindowFunctionSpec.Reduce(SUM, new CountingFiresClearing());
            default -> throw new IllegalArgumentException(function);
        };
        return WindowDefinition.of(AUCTION, SlidingEventTimeWindows.of(ms(10), ms(2)), null, lateness, null,
                spec.get(), Bid.class);
    }

    /**
     * Phases of short-lived keys (each gets its records within 2 ms, so most are in one slice and some in
     * two) alternate with phases of long-lived keys (a record every millisecond: in every slice), with
     * out-of-order records, some late within the lateness: the operator must walk some windows and fold
     * others, and give the per-window operator's results (compared per watermark, sorted: the order of one
     * firing's results is unspecified) and leave no state behind.
     */
    @ParameterizedTest(name = "{0}, lateness {1}, seed {2}")
    @CsvSource({"count,0,1", "count,5,2", "sum,0,3", "sum,7,4", "count+describing,0,5", "count+describing,4,6",
            "sum+clearing,0,7", "sum+clearing,6,8"})
    void shouldWalkOrFoldWithThePerWindowOperatorsResults(String function, long lateness, long seed) {
        try (var reference = WindowHarness.of(definition(lateness, function));
             var tables = WindowHarness.tables(definition(lateness, function))) {
            Random random = new Random(seed);
            long nextKey = 1_000;
            long watermark = Long.MIN_VALUE;
            for (long t = 0; t < 400; t++) {
                boolean shortLived = (t / 60) % 2 == 0;
                List<Bid> bids = new ArrayList<>();
                List<Long> times = new ArrayList<>();
                if (shortLived) {
                    for (int k = 0; k < 3; k++) {
                        long key = nextKey++;
                        for (int r = 0, records = 1 + random.nextInt(3); r < records; r++) {
                            bids.add(new Bid(key, 1 + random.nextInt(9)));
                            times.add(t + random.nextInt(2));
                        }
                    }
                } else {
                    for (long key = 0; key < 12; key++) {
                        bids.add(new Bid(key, 1 + random.nextInt(9)));
                        times.add(t);
                    }
                }
                if (random.nextInt(10) == 0) {
                    bids.add(new Bid(random.nextInt(12), 100)); // late, some within the lateness
                    times.add(t - 3 - random.nextInt(10));
                }
                for (int i = 0; i < bids.size(); i++) {
                    Bid bid = bids.get(i);
                    long time = times.get(i);
                    reference.element(bid, time);
                    tables.element(bid, time);
                }
                if (random.nextInt(3) == 0 && t - 2 > watermark) {
                    watermark = t - 2;
                    reference.watermark(watermark);
                    tables.watermark(watermark);
                }
                assertThat(sorted(tables.drain())).as("%s at %d", function, t).isEqualTo(sorted(reference.drain()));
            }
            reference.watermark(Long.MAX_VALUE);
            tables.watermark(Long.MAX_VALUE);
            assertThat(sorted(tables.drain())).as("%s at the end", function).isEqualTo(sorted(reference.drain()));
            assertThat(tables.stateEntries()).isEqualTo(reference.stateEntries()).isZero();
            var operator = (SliceTableWindowOperator) tables.operator;
            assertThat(operator.windowsWalked()).as("windows walked").isPositive();
            assertThat(operator.windowsFolded()).as("windows folded").isPositive();
            assertThat(operator.liveSlices()).isZero();
            if (function.endsWith("clearing")) {
                assertThat(clears(tables)).as("each window cleared once per key").isEqualTo(clears(reference));
            }
        }
    }

    @Test
    void shouldEmitAKeyOfOneSliceOnceAndCombineAKeyOfSeveralSlices() {
        try (var tables = WindowHarness.tables(definition(0, "count+describing"))) {
            tables.element(new Bid(1, 1), 3).element(new Bid(1, 1), 3); // key 1: slice [2,4) only
            tables.element(new Bid(2, 1), 1).element(new Bid(2, 1), 5).element(new Bid(2, 1), 9); // three slices
            tables.watermark(9);
            assertThat(tables.drain()).containsExactlyInAnyOrder(
                    "1[-6,4):2@3", "1[-4,6):2@5", "1[-2,8):2@7", "1[0,10):2@9",
                    "2[-8,2):1@1", "2[-6,4):1@3", "2[-4,6):2@5", "2[-2,8):2@7", "2[0,10):3@9", "wm:9");
            var operator = (SliceTableWindowOperator) tables.operator;
            assertThat(operator.windowsWalked()).isEqualTo(4); // [-8,2) has one slice: nothing to combine
            assertThat(operator.windowsFolded()).isZero();
        }
    }

    @Test
    void shouldClearOnlyWhenTheProcessFunctionOverridesClear() {
        assertThat(new WindowFunctionRunner(new WindowFunctionSpec.Aggregate(COUNT, null)).clearsWindowState()).isFalse();
        assertThat(new WindowFunctionRunner(new WindowFunctionSpec.Aggregate(COUNT, new Describing())).clearsWindowState())
                .isFalse();
        assertThat(new WindowFunctionRunner(new WindowFunctionSpec.Reduce(SUM, new CountingFiresClearing())).clearsWindowState())
                .isTrue();
        assertThat(new WindowFunctionRunner(new WindowFunctionSpec.Reduce(SUM, new InheritsClear())).clearsWindowState())
                .isTrue();
        assertThat(new WindowFunctionRunner(new WindowFunctionSpec.Process(new ProcessWindowFunctionTest.CountingFires<>()))
                .clearsWindowState()).isTrue();
    }

    /**
     * A restored operator does not clear again the windows whose cleanup time it had passed before the
     * checkpoint (Flink's cleanup timers fire once), only the ones after.
     */
    @Test
    void shouldNotClearAgainTheWindowsClearedBeforeTheCheckpoint() {
        OperatorListState snapshot;
        try (var before = WindowHarness.tables(definition(0, "sum+clearing"))) {
            before.element(new Bid(1, 1), 7).watermark(9);
            assertThat(clearsOf(before)).containsExactly("[-2,8)", "[0,10)");
            OperatorListState out = new OperatorListState();
            before.operator.snapshotState(1, out);
            snapshot = OperatorListState.of(out.encoded());
        }
        SliceTableWindowOperator restored = new SliceTableWindowOperator(definition(0, "sum+clearing"));
        restored.initializeState(snapshot, true);
        try (var after = new WindowHarness(restored)) {
            after.element(new Bid(1, 2), 7); // too late for [0,10), fired before the checkpoint; in [2,12) .. [6,16)
            after.watermark(15);
            assertThat(sorted(after.drain())).containsExactly("1[2,12):1=2 fire#1@11", "1[4,14):1=2 fire#1@13",
                    "1[6,16):1=2 fire#1@15", "wm:15");
            assertThat(clearsOf(after)).containsExactly("[2,12)", "[4,14)", "[6,16)");
        }
    }

    private static List<String> clearsOf(WindowHarness harness) {
        return ((CountingFiresClearing) harness.operator.definition().function().processFunction()).clears;
    }

    private static List<String> clears(WindowHarness harness) {
        return sorted(clearsOf(harness));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
