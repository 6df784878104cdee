package io.weir.runtime.operators.window;

import io.weir.api.functions.Collector;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.runtime.operators.OperatorException;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static io.weir.runtime.operators.window.Ev.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Event-time session windows: merging, late records that bridge sessions, dynamic gaps, cleanup. */
class SessionWindowTest {

    @Test
    void shouldMergeSessionsThatOverlap() {
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 1), 0).element(of("a", 2), 5).element(of("a", 4), 30).element(of("b", 8), 7);
            assertThat(h.watermark(14).drain()).containsExactly("a[0,15):a=3@14", "wm:14");
            assertThat(h.watermark(39).drain()).containsExactly("b[7,17):b=8@16", "a[30,40):a=4@39", "wm:39");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldMergeSessionsThatOnlyTouch() {
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 1), 0).element(of("a", 2), 10);
            assertThat(h.watermark(100).drain()).containsExactly("a[0,20):a=3@19", "wm:100");
        }
    }

    @Test
    void shouldMergeTwoSessionsBridgedByALateRecord() {
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).lateness(20)
                .reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 1), 0).element(of("a", 2), 20);
            assertThat(h.watermark(15).drain()).containsExactly("a[0,10):a=1@9", "wm:15");
            // [10,20) bridges [0,10) (fired, within lateness) and [20,30) (pending): one session [0,30)
            assertThat(h.element(of("a", 4), 10).drain()).isEmpty();
            assertThat(h.watermark(29).drain()).containsExactly("a[0,30):a=7@29", "wm:29");
            assertThat(h.watermark(49).drain()).containsExactly("wm:49");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldFireABridgedSessionAtOnceWhenTheWatermarkIsPastIt() {
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).lateness(30).lateToSideOutput()
                .reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 1), 0).element(of("a", 2), 20);
            assertThat(h.watermark(35).drain()).containsExactly("a[0,10):a=1@9", "a[20,30):a=2@29", "wm:35");
            assertThat(h.element(of("a", 4), 10).drain()).containsExactly("a[0,30):a=7@29");
            assertThat(h.watermark(58).drain()).containsExactly("wm:58");
            assertThat(h.element(of("a", 8), 25).drain()).containsExactly("a[0,35):a=15@34");
            assertThat(h.watermark(64).drain()).containsExactly("wm:64");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
            assertThat(h.element(of("a", 16), 20).drain()).containsExactly("late:a=16@20");
        }
    }

    @Test
    void shouldTakeTheGapOfEachRecordFromTheExtractor() {
        EventTimeSessionWindows<Ev> sessions = EventTimeSessionWindows.withDynamicGap(Ev::value);
        try (var h = WindowHarness.of(window(sessions).reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 5), 0).element(of("a", 3), 4).element(of("a", 1), 10);
            assertThat(h.watermark(100).drain()).containsExactly("a[0,7):a=8@6", "a[10,11):a=1@10", "wm:100");
        }
    }

    @Test
    void shouldMergeTheTriggerStateOfMergedSessions() {
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).trigger(CountTrigger.of(3))
                .reduce(Ev.SUM, Ev.describing()))) {
            h.element(of("a", 1), 0).element(of("a", 2), 15);
            assertThat(h.drain()).isEmpty();
            // [8,18) bridges both sessions: counts 1 + 1, plus this record, reach 3
            assertThat(h.element(of("a", 3), 8).drain()).containsExactly("a[0,25):a=6@24");
            assertThat(h.watermark(100).drain()).containsExactly("wm:100");
            assertThat(h.stateEntries()).isZero();
        }
    }

    @Test
    void shouldRefusePerWindowStateForMergingWindows() {
        ProcessWindowFunction<Ev, String, String, Window> usesWindowState = new ProcessWindowFunction<>() {
            @Override
            public void process(String key, Context context, Iterable<Ev> elements, Collector<String> out) {
                context.windowState().getState(new ValueStateDescriptor<>("n", Long.class)).update(1L);
            }
        };
        try (var h = WindowHarness.of(window(EventTimeSessionWindows.withGap(ms(10))).process(usesWindowState))) {
            h.element(of("a", 1), 0);
            assertThatThrownBy(() -> h.watermark(100)).isInstanceOf(OperatorException.class)
                    .hasStackTraceContaining("per-window state is not allowed when using merging windows");
        }
    }

    @Test
    void shouldRejectTriggersThatCannotMerge() {
        assertThatThrownBy(() -> window(EventTimeSessionWindows.withGap(ms(10)))
                .trigger(new NonMergingTrigger()).reduce(Ev.SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not");
    }
}
