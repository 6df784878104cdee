package io.weir.api.windowing.triggers;

import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggersTest {
    private final FakeTriggerContext ctx = new FakeTriggerContext();
    private final TimeWindow window = new TimeWindow(0, 10);

    @Test
    void shouldFireEventTimeWindowAtItsMaxTimestamp() throws Exception {
        var trigger = EventTimeTrigger.create();
        assertThat(trigger.onElement("a", 3, window, ctx.at(window))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.eventTimers(window)).containsExactly(9L);
        assertThat(trigger.onEventTime(8, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onEventTime(9, window, ctx)).isEqualTo(TriggerResult.FIRE);
        assertThat(trigger.onProcessingTime(9, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        trigger.clear(window, ctx);
        assertThat(ctx.eventTimers(window)).isEmpty();
    }

    @Test
    void shouldFireAtOnceWhenTheWatermarkIsPastTheWindow() throws Exception {
        ctx.watermark = 9;
        assertThat(EventTimeTrigger.create().onElement("late", 3, window, ctx.at(window))).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.eventTimers(window)).isEmpty();
    }

    @Test
    void shouldRegisterTheMergedWindowsTimerOnlyWhileItIsAhead() throws Exception {
        var merged = new TimeWindow(0, 20);
        ctx.watermark = 15;
        EventTimeTrigger.create().onMerge(merged, ctx.at(merged));
        assertThat(ctx.eventTimers(merged)).containsExactly(19L);
        ctx.watermark = 19;
        var other = new TimeWindow(0, 18);
        EventTimeTrigger.create().onMerge(other, ctx.at(other));
        assertThat(ctx.eventTimers(other)).isEmpty();
    }

    @Test
    void shouldFireProcessingTimeWindowOnItsTimer() throws Exception {
        var trigger = ProcessingTimeTrigger.create();
        assertThat(trigger.onElement("a", Long.MIN_VALUE, window, ctx.at(window))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.processingTimers(window)).containsExactly(9L);
        assertThat(trigger.onProcessingTime(9, window, ctx)).isEqualTo(TriggerResult.FIRE);
        assertThat(trigger.onEventTime(9, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        ctx.processingTime = 5;
        trigger.onMerge(new TimeWindow(0, 30), ctx.at(new TimeWindow(0, 30)));
        assertThat(ctx.processingTimers(new TimeWindow(0, 30))).containsExactly(29L);
        trigger.clear(window, ctx.at(window));
        assertThat(ctx.processingTimers(window)).isEmpty();
    }

    @Test
    void shouldFireEveryNthElementAndResetTheCount() throws Exception {
        var trigger = CountTrigger.<TimeWindow>of(3);
        ctx.at(window);
        assertThat(List.of(trigger.onElement("a", 0, window, ctx), trigger.onElement("b", 0, window, ctx),
                trigger.onElement("c", 0, window, ctx), trigger.onElement("d", 0, window, ctx)))
                .containsExactly(TriggerResult.CONTINUE, TriggerResult.CONTINUE, TriggerResult.FIRE, TriggerResult.CONTINUE);
        trigger.clear(window, ctx);
        assertThat(ctx.hasNoState()).isTrue();
        assertThatThrownBy(() -> CountTrigger.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAddTheCountsOfMergedWindows() throws Exception {
        var trigger = CountTrigger.<TimeWindow>of(4);
        var a = new TimeWindow(0, 10);
        var b = new TimeWindow(5, 15);
        trigger.onElement("x", 0, a, ctx.at(a));
        trigger.onElement("x", 0, a, ctx.at(a));
        trigger.onElement("x", 0, b, ctx.at(b));
        var merged = new TimeWindow(0, 15);
        ctx.mergedWindows = List.of(a, b);
        trigger.onMerge(merged, ctx.at(merged));
        assertThat(trigger.onElement("x", 0, merged, ctx.at(merged))).isEqualTo(TriggerResult.FIRE);
    }

    @Test
    void shouldFireContinuouslyInEventTimeAndAtTheEnd() throws Exception {
        var trigger = ContinuousEventTimeTrigger.<TimeWindow>of(Duration.ofMillis(4));
        var w = new TimeWindow(0, 10);
        assertThat(trigger.onElement("a", 1, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.eventTimers(w)).containsExactly(4L, 9L);
        assertThat(trigger.onEventTime(4, w, ctx.firedEventTimer(4))).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.eventTimers(w)).containsExactly(8L, 9L);
        assertThat(trigger.onEventTime(8, w, ctx.firedEventTimer(8))).isEqualTo(TriggerResult.FIRE);
        // the next fire time is capped at the window's end
        assertThat(ctx.eventTimers(w)).containsExactly(9L);
        assertThat(trigger.onEventTime(9, w, ctx)).isEqualTo(TriggerResult.FIRE);
        assertThat(trigger.onEventTime(7, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
        trigger.clear(w, ctx);
        // the pending fire time (9, the window's end) is deleted with the state
        assertThat(ctx.eventTimers(w)).isEmpty();
        assertThat(ctx.hasNoState()).isTrue();
    }

    @Test
    void shouldFireContinuousEventTimeAtOnceForLateWindows() throws Exception {
        ctx.watermark = 20;
        var w = new TimeWindow(0, 10);
        assertThat(ContinuousEventTimeTrigger.<TimeWindow>of(Duration.ofMillis(4)).onElement("a", 1, w, ctx.at(w)))
                .isEqualTo(TriggerResult.FIRE);
    }

    @Test
    void shouldKeepTheEarliestFireTimeWhenMerging() throws Exception {
        var trigger = ContinuousEventTimeTrigger.<TimeWindow>of(Duration.ofMillis(5));
        var a = new TimeWindow(0, 100);
        var b = new TimeWindow(50, 150);
        trigger.onElement("x", 12, a, ctx.at(a));
        trigger.onElement("x", 51, b, ctx.at(b));
        var merged = new TimeWindow(0, 150);
        ctx.mergedWindows = List.of(a, b);
        trigger.onMerge(merged, ctx.at(merged));
        assertThat(ctx.eventTimers(merged)).containsExactly(15L);
    }

    @Test
    void shouldFireContinuouslyInProcessingTime() throws Exception {
        var trigger = ContinuousProcessingTimeTrigger.<TimeWindow>of(Duration.ofMillis(4));
        var w = new TimeWindow(0, 10);
        ctx.processingTime = 5;
        assertThat(trigger.onElement("a", Long.MIN_VALUE, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.processingTimers(w)).containsExactly(8L);
        trigger.onElement("b", Long.MIN_VALUE, w, ctx);
        assertThat(ctx.processingTimers(w)).containsExactly(8L);
        assertThat(trigger.onProcessingTime(8, w, ctx.firedProcessingTimer(8))).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.processingTimers(w)).containsExactly(9L);
        assertThat(trigger.onProcessingTime(9, w, ctx.firedProcessingTimer(9))).isEqualTo(TriggerResult.FIRE);
        assertThat(trigger.onProcessingTime(12, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
        trigger.clear(w, ctx);
        assertThat(ctx.hasNoState()).isTrue();
    }

    @Test
    void shouldTurnFiresIntoFireAndPurge() throws Exception {
        var trigger = PurgingTrigger.of(CountTrigger.<TimeWindow>of(2));
        ctx.at(window);
        assertThat(trigger.onElement("a", 0, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onElement("b", 0, window, ctx)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
        assertThat(trigger.canMerge()).isTrue();
        assertThat(PurgingTrigger.of(EventTimeTrigger.create()).onEventTime(9, window, ctx)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
        assertThat(PurgingTrigger.of(EventTimeTrigger.create()).onEventTime(8, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger).hasToString("PurgingTrigger(CountTrigger(2))");
    }

    @Test
    void shouldNeverFireTheGlobalWindowByDefault() throws Exception {
        NeverTrigger<GlobalWindow> trigger = NeverTrigger.create();
        var g = GlobalWindow.get();
        assertThat(trigger.onElement("a", 0, g, ctx.at(g))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onEventTime(Long.MAX_VALUE, g, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onProcessingTime(Long.MAX_VALUE, g, ctx)).isEqualTo(TriggerResult.CONTINUE);
    }

    @Test
    void shouldDescribeFireAndPurge() {
        assertThat(TriggerResult.FIRE.isFire()).isTrue();
        assertThat(TriggerResult.FIRE.isPurge()).isFalse();
        assertThat(TriggerResult.FIRE_AND_PURGE.isFire()).isTrue();
        assertThat(TriggerResult.FIRE_AND_PURGE.isPurge()).isTrue();
        assertThat(TriggerResult.PURGE.isFire()).isFalse();
        assertThat(TriggerResult.CONTINUE.isPurge()).isFalse();
    }

    @Test
    void shouldRefuseMergingByDefault() {
        Trigger<Object, TimeWindow> custom = new Trigger<>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(TimeWindow window, TriggerContext ctx) {
            }
        };
        assertThat(custom.canMerge()).isFalse();
        assertThatThrownBy(() -> custom.onMerge(window, ctx)).isInstanceOf(UnsupportedOperationException.class);
    }
}
