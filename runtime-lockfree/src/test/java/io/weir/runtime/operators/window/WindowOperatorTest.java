package io.weir.runtime.operators.window;

import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.operators.OperatorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static io.weir.runtime.operators.window.Ev.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event-time tumbling and sliding windows with the default trigger, hand-computed expectations. Each
 * test runs on {@link WindowOperator} and on {@link SlicingWindowOperator}, which must agree.
 */
class WindowOperatorTest {

    private static WindowHarness harness(String kind, WindowDefinition definition) {
        return WindowHarness.of(kind, definition);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireTumblingWindowWhenTheWatermarkPassesItsEnd(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM))) {
            h.element(of("a", 1), 3).element(of("a", 2), 12).element(of("a", 4), 1);
            assertThat(h.watermark(8).drain()).containsExactly("wm:8");
            // results carry the window's maxTimestamp and come before the watermark that fired them
            assertThat(h.watermark(9).drain()).containsExactly("a=5@9", "wm:9");
            assertThat(h.watermark(100).drain()).containsExactly("a=2@19", "wm:100");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldKeepKeysApart(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM))) {
            h.element(of("a", 1), 3).element(of("b", 10), 4).element(of("a", 2), 5);
            assertThat(h.watermark(9).drain()).containsExactlyInAnyOrder("a=3@9", "b=10@9", "wm:9").endsWith("wm:9");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireEverySlidingWindowOfARecord(String kind) {
        try (var h = harness(kind, window(SlidingEventTimeWindows.of(ms(10), ms(5))).reduce(Ev.SUM))) {
            h.element(of("a", 1), 3).element(of("a", 2), 7);
            assertThat(h.watermark(4).drain()).containsExactly("a=1@4", "wm:4");
            assertThat(h.watermark(9).drain()).containsExactly("a=3@9", "wm:9");
            assertThat(h.watermark(30).drain()).containsExactly("a=2@14", "wm:30");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireSlidingWindowsWhoseSizeIsNotAMultipleOfTheSlide(String kind) {
        // size 25, slide 10: slices of 5; windows [-20,5) [-10,15) [0,25) [10,35) [20,45)
        try (var h = harness(kind, window(SlidingEventTimeWindows.of(ms(25), ms(10))).aggregate(Ev.COUNT_SUM))) {
            h.element(of("a", 1), 2).element(of("a", 10), 12).element(of("a", 100), 21);
            assertThat(h.watermark(100).drain())
                    .containsExactly("1/1@4", "2/11@14", "3/111@24", "2/110@34", "1/100@44", "wm:100");
            assertThat(h.stateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireAgainForALateRecordWithinTheLateness(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).lateness(5).lateToSideOutput().reduce(Ev.SUM))) {
            h.element(of("a", 1), 3);
            assertThat(h.watermark(9).drain()).containsExactly("a=1@9", "wm:9");
            // late but within the lateness: the window fires again at once, with the updated contents
            assertThat(h.element(of("a", 2), 4).drain()).containsExactly("a=3@9");
            assertThat(h.element(of("a", 4), 8).drain()).containsExactly("a=7@9");
            assertThat(h.watermark(13).drain()).containsExactly("wm:13");
            assertThat(h.element(of("a", 8), 0).drain()).containsExactly("a=15@9");
            // the watermark reaches maxTimestamp + lateness: the window is cleaned up without firing
            assertThat(h.watermark(14).drain()).containsExactly("wm:14");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
            assertThat(h.element(of("a", 16), 5).drain()).containsExactly("late:a=16@5");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldRefireEverySlidingWindowThatALateRecordBelongsTo(String kind) {
        // size 10, slide 5, lateness 7: record at 6 belongs to [0,10) and [5,15)
        try (var h = harness(kind, window(SlidingEventTimeWindows.of(ms(10), ms(5))).lateness(7).reduce(Ev.SUM))) {
            h.element(of("a", 1), 6).element(of("a", 2), 12);
            assertThat(h.watermark(14).drain()).containsExactly("a=1@9", "a=3@14", "wm:14");
            // [5,15) ends at 14 and is cleaned at 21, [0,10) at 16: both take the record, latest start first
            assertThat(h.element(of("a", 10), 6).drain()).containsExactly("a=13@14", "a=11@9");
            assertThat(h.watermark(16).drain()).containsExactly("wm:16");
            // [0,10) is gone: a record at 6 now only refires [5,15)
            assertThat(h.element(of("a", 100), 6).drain()).containsExactly("a=113@14");
            assertThat(h.watermark(19).drain()).containsExactly("a=2@19", "wm:19");
            assertThat(h.watermark(100).drain()).containsExactly("wm:100");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
            assertThat(h.operator.numLateRecordsDropped()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldCountRecordsBeyondTheLatenessAsDroppedWithoutASideOutput(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).lateness(5).reduce(Ev.SUM))) {
            h.element(of("a", 1), 3).watermark(20).drain();
            assertThat(h.element(of("a", 2), 5).drain()).isEmpty();
            assertThat(h.operator.numLateRecordsDropped()).isEqualTo(1);
            // [10,20) ended at 19 but is kept until 24: a record for it fires it at once
            assertThat(h.element(of("a", 3), 15).drain()).containsExactly("a=3@19");
            assertThat(h.watermark(40).drain()).containsExactly("wm:40");
            assertThat(h.operator.numLateRecordsDropped()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldTreatARecordAsLateAtTheExactCleanupTime(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).lateToSideOutput().reduce(Ev.SUM))) {
            h.watermark(9).drain();
            // window [0,10): maxTimestamp 9 + lateness 0 <= watermark 9
            assertThat(h.element(of("a", 1), 9).drain()).containsExactly("late:a=1@9");
            assertThat(h.element(of("a", 1), 10).drain()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldAlignWindowsWithTheOffsetAndNegativeTimestamps(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10), ms(3))).reduce(Ev.SUM))) {
            // windows [-17,-7), [-7,3), [3,13)
            h.element(of("a", 1), -8).element(of("a", 2), 2).element(of("a", 4), 3);
            assertThat(h.watermark(100).drain()).containsExactly("a=1@-8", "a=2@2", "a=4@12", "wm:100");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldRejectRecordsWithoutTimestamp(String kind) {
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM))) {
            assertThatThrownBy(() -> h.element(of("a", 1), Long.MIN_VALUE))
                    .isInstanceOf(OperatorException.class).hasStackTraceContaining("assignTimestampsAndWatermarks");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldNameTheOperatorWhenTheFunctionFails(String kind) {
        Function<Ev, Ev> boom = e -> {
            throw new IllegalStateException("boom");
        };
        try (var h = harness(kind, window(TumblingEventTimeWindows.of(ms(10))).reduce((a, b) -> boom.apply(a)))) {
            h.element(of("a", 1), 1);
            assertThatThrownBy(() -> h.element(of("a", 2), 2).watermark(9))
                    .isInstanceOf(OperatorException.class).hasMessageContaining("window").hasStackTraceContaining("boom");
        }
    }
}
