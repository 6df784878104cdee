package io.weir.runtime.operators.window;

import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.operators.window.Defs.ms;
import static io.weir.runtime.operators.window.Defs.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowOperatorsTest {

    @Test
    void shouldSliceAlignedWindowsWithTheDefaultTriggerAndAnIncrementalFunction() {
        assertThat(WindowOperators.create(window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM)))
                .isInstanceOf(SlicingWindowOperator.class);
        assertThat(WindowOperators.create(window(SlidingProcessingTimeWindows.of(ms(10), ms(4)))
                .aggregate(Ev.COUNT_SUM, Ev.describing()))).isInstanceOf(SlicingWindowOperator.class);
        assertThat(WindowOperators.create(window(SlidingEventTimeWindows.of(ms(10), ms(4))).trigger(EventTimeTrigger.create())
                .lateness(5).aggregate(Ev.COUNT_SUM))).isInstanceOf(SlicingWindowOperator.class);
    }

    @Test
    void shouldUseThePerWindowOperatorForEverythingElse() {
        assertThat(WindowOperators.create(window(TumblingEventTimeWindows.of(ms(10))).process(Ev.describing())))
                .isInstanceOf(WindowOperator.class);
        assertThat(WindowOperators.create(window(TumblingEventTimeWindows.of(ms(10))).trigger(CountTrigger.of(3)).reduce(Ev.SUM)))
                .isInstanceOf(WindowOperator.class);
        assertThat(WindowOperators.create(window(SlidingEventTimeWindows.of(ms(10), ms(5))).trigger(ProcessingTimeTrigger.create())
                .reduce(Ev.SUM))).isInstanceOf(WindowOperator.class);
        assertThat(WindowOperators.create(window(EventTimeSessionWindows.withGap(ms(10))).reduce(Ev.SUM)))
                .isInstanceOf(WindowOperator.class);
        assertThat(WindowOperators.create(window(GlobalWindows.create()).trigger(CountTrigger.<GlobalWindow>of(2)).reduce(Ev.SUM)))
                .isInstanceOf(WindowOperator.class);
        assertThat(WindowOperators.create(window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM), false))
                .isInstanceOf(WindowOperator.class);
    }

    @Test
    void shouldCutTimeIntoSlicesOfTheGreatestCommonDivisor() {
        var operator = new SlicingWindowOperator(window(SlidingEventTimeWindows.of(ms(25), ms(10))).reduce(Ev.SUM));
        assertThat(operator.sliceSize()).isEqualTo(5);
        assertThat(new SlicingWindowOperator(window(TumblingEventTimeWindows.of(ms(7))).reduce(Ev.SUM)).sliceSize()).isEqualTo(7);
        assertThatThrownBy(() -> new SlicingWindowOperator(window(EventTimeSessionWindows.withGap(ms(10))).reduce(Ev.SUM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be sliced");
    }

    @Test
    void shouldKeepOnePartialAndAtMostOneTimerPerSliceWhenSliced() {
        // 100 windows per record: the per-window operator keeps every window and its timer, the sliced one
        // a partial per slice and a timer for the first window of each slice
        var definition = window(SlidingEventTimeWindows.of(ms(100), ms(1))).reduce(Ev.SUM);
        try (var perWindow = WindowHarness.of(definition); var sliced = WindowHarness.sliced(definition)) {
            for (int ts = 0; ts < 50; ts++) {
                perWindow.element(Ev.of("a", 1), ts);
                sliced.element(Ev.of("a", 1), ts);
            }
            assertThat(perWindow.stateEntries()).isEqualTo(149);
            assertThat(perWindow.pendingTimers()).isEqualTo(149);
            assertThat(sliced.stateEntries()).isEqualTo(50);
            assertThat(sliced.pendingTimers()).isEqualTo(50);
            assertThat(sliced.watermark(200).drain()).isEqualTo(perWindow.watermark(200).drain());
        }
    }

    @Test
    void shouldGiveEachSubtaskItsOwnProcessWindowFunction() {
        var function = new ProcessWindowFunctionTest.CountingFires<Ev>();
        var spec = new io.weir.api.windowing.WindowFunctionSpec.Process(function);
        var copy = (io.weir.api.windowing.WindowFunctionSpec.Process) WindowOperators.copyFunctions(spec, "window");
        assertThat(copy.processFunction()).isNotSameAs(function).isInstanceOf(ProcessWindowFunctionTest.CountingFires.class);
        var reduce = new io.weir.api.windowing.WindowFunctionSpec.Reduce(Ev.SUM, null);
        assertThat(((io.weir.api.windowing.WindowFunctionSpec.Reduce) WindowOperators.copyFunctions(reduce, "window"))
                .processFunction()).isNull();
    }

    @Test
    void shouldDefaultToTheAssignersTriggerAndRejectNegativeLateness() {
        var definition = window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM);
        assertThat(definition.trigger()).isSameAs(EventTimeTrigger.create());
        assertThat(definition.describe()).isEqualTo("Window(TumblingEventTimeWindows(10), EventTimeTrigger(), reduce)");
        assertThatThrownBy(() -> window(TumblingEventTimeWindows.of(ms(10))).lateness(-1).reduce(Ev.SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lateness");
    }
}
