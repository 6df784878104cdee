package io.weir.runtime.operators.window;

import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random (seeded) inputs through {@link WindowOperator} and each sliced operator ({@link SlicingWindowOperator},
 * {@link SliceTableWindowOperator}): they must
 * emit the same results, the same late data, count the same dropped records and end with empty state.
 * Results are compared per step (a record, a watermark, a clock advance); within one step their order
 * may differ only among results with equal timestamps of different keys, so each step is compared sorted.
 */
class SlicingDifferentialTest {
    private static final String[] KEYS = {"a", "b", "c", "d"};

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldGiveTheResultsOfThePerWindowOperatorInEventTime(long seed) {
        Random random = new Random(seed);
        long size = 1 + random.nextInt(20);
        long slide = random.nextInt(3) == 0 ? size : 1 + random.nextInt(12);
        long offset = random.nextInt((int) slide * 2 - 1) - (slide - 1);
        long lateness = List.of(0L, 0L, 3L, 10L, 25L).get(random.nextInt(5));
        WindowAssigner<?, ?> assigner = slide == size
                ? TumblingEventTimeWindows.of(ms(size), ms(offset))
                : SlidingEventTimeWindows.of(ms(size), ms(slide), ms(offset));
        Defs defs = window(assigner).lateness(lateness);
        if (random.nextBoolean()) {
            defs.lateToSideOutput();
        }
        WindowDefinition definition = function(defs, random.nextInt(4));
        assertThat(WindowOperators.canSlice(definition)).isTrue();
        compare(definition, seed, true, describe(assigner, lateness, definition), "slicing");
        compare(definition, seed, true, describe(assigner, lateness, definition), "tables");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldGiveTheResultsOfThePerWindowOperatorInProcessingTime(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        long size = 1 + random.nextInt(20);
        long slide = random.nextInt(3) == 0 ? size : 1 + random.nextInt(12);
        long offset = random.nextInt((int) slide * 2 - 1) - (slide - 1);
        WindowAssigner<?, ?> assigner = slide == size
                ? TumblingProcessingTimeWindows.of(ms(size), ms(offset))
                : SlidingProcessingTimeWindows.of(ms(size), ms(slide), ms(offset));
        WindowDefinition definition = function(window(assigner), random.nextInt(4));
        compare(definition, seed, false, describe(assigner, 0, definition), "slicing");
        compare(definition, seed, false, describe(assigner, 0, definition), "tables");
    }

    private static WindowDefinition function(Defs defs, int choice) {
        return switch (choice) {
            case 0 -> defs.reduce(Ev.SUM);
            case 1 -> defs.aggregate(Ev.COUNT_SUM);
            case 2 -> defs.reduce(Ev.SUM, Ev.describing());
            default -> defs.aggregate(Ev.COUNT_SUM, new ProcessWindowFunctionTest.CountingFires<>());
        };
    }

    private static String describe(WindowAssigner<?, ?> assigner, long lateness, WindowDefinition definition) {
        return assigner + " lateness " + lateness + " " + definition.describe() + " late tag " + definition.lateDataTag();
    }

    /** Drives both operators through the same seeded steps and compares them step by step. */
    private static void compare(WindowDefinition definition, long seed, boolean eventTime, String what, String kind) {
        // the process functions keep per-instance state: each operator gets its own definition copy
        WindowDefinition first = WindowDefinition.of(definition.keySelector(), definition.assigner(), definition.trigger(),
                definition.allowedLateness(), definition.lateDataTag(), copy(definition), definition.inputType());
        WindowDefinition other = WindowDefinition.of(definition.keySelector(), definition.assigner(), definition.trigger(),
                definition.allowedLateness(), definition.lateDataTag(), copy(definition), definition.inputType());
        try (var reference = WindowHarness.of(first); var sliced = WindowHarness.of(kind, other)) {
            what = what + " [" + kind + "]";
            Random random = new Random(seed * 31 + 7);
            long time = random.nextInt(41) - 20;
            int steps = 300 + random.nextInt(300);
            for (int step = 0; step < steps; step++) {
                int action = random.nextInt(10);
                List<WindowHarness> both = List.of(reference, sliced);
                if (action < 7) {
                    Ev ev = Ev.of(KEYS[random.nextInt(KEYS.length)], 1 + random.nextInt(9));
                    long ts = time + random.nextInt(30) - 20;
                    both.forEach(h -> h.element(ev, ts));
                } else {
                    time += random.nextInt(8);
                    long now = time;
                    both.forEach(h -> {
                        if (eventTime) {
                            h.watermark(now);
                        } else {
                            h.processingTime(now);
                        }
                    });
                }
                assertThat(sorted(sliced.drain())).as("%s, seed %d, step %d", what, seed, step)
                        .isEqualTo(sorted(reference.drain()));
                assertThat(sliced.operator.numLateRecordsDropped()).isEqualTo(reference.operator.numLateRecordsDropped());
            }
            if (eventTime) {
                reference.watermark(Long.MAX_VALUE);
                sliced.watermark(Long.MAX_VALUE);
            } else {
                reference.processingTime(Long.MAX_VALUE);
                sliced.processingTime(Long.MAX_VALUE);
            }
            assertThat(sorted(sliced.drain())).as("%s, seed %d, at the end", what, seed).isEqualTo(sorted(reference.drain()));
            assertThat(sliced.stateEntries()).as("state left by the sliced operator").isEqualTo(reference.stateEntries());
            assertThat(sliced.pendingTimers()).isZero();
            assertThat(reference.pendingTimers()).isZero();
        }
    }

    private static io.weir.api.windowing.WindowFunctionSpec copy(WindowDefinition definition) {
        return switch (definition.function()) {
            case io.weir.api.windowing.WindowFunctionSpec.Aggregate a
                    when a.processFunction() instanceof ProcessWindowFunctionTest.CountingFires<?> ->
                    new io.weir.api.windowing.WindowFunctionSpec.Aggregate(a.function(), new ProcessWindowFunctionTest.CountingFires<>());
            default -> definition.function();
        };
    }

    private static List<String> sorted(List<String> out) {
        List<String> copy = new ArrayList<>(out);
        copy.sort(null);
        return copy;
    }
}
