package io.weir.runtime.operators.window;

import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static io.weir.runtime.operators.window.Ev.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processing-time windows driven by a manual clock: records are placed by the clock, not their
 * timestamp, and a timer for {@code t} fires once the clock is past {@code t} (as in Flink).
 */
class ProcessingTimeWindowTest {

    private static WindowHarness harness(String kind, WindowDefinition definition) {
        return WindowHarness.of(kind, definition);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireTumblingWindowsWhenTheClockReachesTheirEnd(String kind) {
        try (var h = harness(kind, window(TumblingProcessingTimeWindows.of(ms(10))).reduce(Ev.SUM))) {
            h.processingTime(2).element(of("a", 1), Long.MIN_VALUE);
            h.processingTime(8).element(of("a", 2), 1_000_000);
            assertThat(h.processingTime(9).drain()).isEmpty();
            assertThat(h.processingTime(10).drain()).containsExactly("a=3@9");
            h.processingTime(12).element(of("a", 4), Long.MIN_VALUE);
            assertThat(h.processingTime(25).drain()).containsExactly("a=4@19");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldFireSlidingWindowsInProcessingTime(String kind) {
        try (var h = harness(kind, window(SlidingProcessingTimeWindows.of(ms(10), ms(5))).reduce(Ev.SUM))) {
            h.processingTime(3).element(of("a", 1), 0);
            h.processingTime(7).element(of("a", 2), 0);
            // one call may fire several windows, in timestamp order
            assertThat(h.processingTime(15).drain()).containsExactly("a=1@4", "a=3@9", "a=2@14");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldIgnoreWatermarksAndLatenessInProcessingTime(String kind) {
        try (var h = harness(kind, window(TumblingProcessingTimeWindows.of(ms(10))).lateness(100).lateToSideOutput()
                .reduce(Ev.SUM))) {
            h.watermark(1_000).processingTime(1).element(of("a", 1), 5);
            assertThat(h.drain()).containsExactly("wm:1000");
            assertThat(h.processingTime(10).drain()).containsExactly("a=1@9");
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window", "slicing", "tables"})
    void shouldPutARecordArrivingAtTheLastMillisecondIntoTheWindowEndingThere(String kind) {
        try (var h = harness(kind, window(SlidingProcessingTimeWindows.of(ms(10), ms(5))).reduce(Ev.SUM))) {
            h.processingTime(5).element(of("a", 1), 0);
            // the clock reads 9, the last millisecond of [0,10): the window is still open
            assertThat(h.processingTime(9).drain()).isEmpty();
            h.element(of("a", 2), 0);
            assertThat(h.processingTime(10).drain()).containsExactly("a=3@9");
            assertThat(h.processingTime(15).drain()).containsExactly("a=3@14");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldMergeProcessingTimeSessions() {
        try (var h = WindowHarness.of(window(ProcessingTimeSessionWindows.withGap(ms(5))).reduce(Ev.SUM, Ev.describing()))) {
            h.processingTime(0).element(of("a", 1), Long.MIN_VALUE);
            h.processingTime(3).element(of("a", 2), Long.MIN_VALUE);
            assertThat(h.processingTime(7).drain()).isEmpty();
            assertThat(h.processingTime(8).drain()).containsExactly("a[0,8):a=3@7");
            h.processingTime(20).element(of("a", 4), Long.MIN_VALUE);
            assertThat(h.processingTime(30).drain()).containsExactly("a[20,25):a=4@24");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldFireContinuouslyInProcessingTime() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(100)))
                .trigger(ContinuousProcessingTimeTrigger.of(ms(10))).reduce(Ev.SUM))) {
            h.processingTime(3).element(of("a", 1), 50);
            assertThat(h.processingTime(10).drain()).isEmpty();
            assertThat(h.processingTime(11).drain()).containsExactly("a=1@99");
            h.element(of("a", 2), 60);
            assertThat(h.processingTime(25).drain()).containsExactly("a=3@99");
            // the event-time cleanup removes the window and its trigger's timers
            assertThat(h.watermark(99).drain()).containsExactly("wm:99");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }
}
