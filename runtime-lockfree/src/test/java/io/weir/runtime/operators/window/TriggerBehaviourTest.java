package io.weir.runtime.operators.window;

import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static io.weir.runtime.operators.window.Ev.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Count, purging, continuous and never-firing triggers inside the window operator. */
class TriggerBehaviourTest {

    @Test
    void shouldNeverFireGlobalWindowsWithTheDefaultTrigger() {
        try (var h = WindowHarness.of(window(GlobalWindows.create()).reduce(Ev.SUM))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2).watermark(Long.MAX_VALUE - 1);
            assertThat(h.drain()).containsExactly("wm:" + (Long.MAX_VALUE - 1));
        }
    }

    @Test
    void shouldFireEveryCountAndKeepTheContents() {
        try (var h = WindowHarness.of(window(GlobalWindows.create()).trigger(CountTrigger.<GlobalWindow>of(2)).reduce(Ev.SUM))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2).element(of("b", 10), 2).element(of("a", 4), 3);
            assertThat(h.drain()).containsExactly("a=3@MAX");
            assertThat(h.element(of("a", 8), 3).element(of("b", 20), 4).drain()).containsExactly("a=15@MAX", "b=30@MAX");
        }
    }

    @Test
    void shouldPurgeTheContentsAtEveryFire() {
        var trigger = PurgingTrigger.of(CountTrigger.<GlobalWindow>of(2));
        try (var h = WindowHarness.of(window(GlobalWindows.create()).trigger(trigger).process(Ev.describing()))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2).element(of("a", 4), 3);
            assertThat(h.drain()).containsExactly("a[global]:a=1,a=2@MAX");
            assertThat(h.element(of("a", 8), 4).drain()).containsExactly("a[global]:a=4,a=8@MAX");
        }
    }

    @Test
    void shouldFireCountTriggeredTimeWindowsOnlyByCountAndCleanThemUp() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10))).trigger(CountTrigger.of(2)).reduce(Ev.SUM))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2).element(of("a", 4), 3);
            assertThat(h.drain()).containsExactly("a=3@9");
            assertThat(h.watermark(9).drain()).containsExactly("wm:9");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldFireContinuouslyAndAtTheEndInEventTime() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10)))
                .trigger(ContinuousEventTimeTrigger.of(ms(3))).reduce(Ev.SUM))) {
            h.element(of("a", 1), 1);
            assertThat(h.watermark(3).drain()).containsExactly("a=1@9", "wm:3");
            h.element(of("a", 2), 4);
            assertThat(h.watermark(7).drain()).containsExactly("a=3@9", "wm:7");
            assertThat(h.watermark(9).drain()).containsExactly("a=3@9", "wm:9");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldEmitWithPurgeOnContinuousFires() {
        try (var h = WindowHarness.of(window(TumblingEventTimeWindows.of(ms(10)))
                .trigger(PurgingTrigger.of(ContinuousEventTimeTrigger.of(ms(5)))).reduce(Ev.SUM))) {
            h.element(of("a", 1), 1).element(of("a", 2), 2);
            assertThat(h.watermark(5).drain()).containsExactly("a=3@9", "wm:5");
            h.element(of("a", 4), 6);
            // the end of the window fires the purged contents since the last fire only
            assertThat(h.watermark(9).drain()).containsExactly("a=4@9", "wm:9");
            assertThat(h.stateEntries()).isZero();
        }
    }
}
