package io.weir.api.windowing.triggers;

import io.weir.api.windowing.TimeWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContinuousFireTimeTest {
    private final FakeTriggerContext ctx = new FakeTriggerContext();
    private final TimeWindow window = new TimeWindow(0, 100);

    @Test
    void shouldScheduleFromTheRecordTimestampInEventTimeAndIgnoreTheClock() {
        var fireTime = new ContinuousFireTime("t", 10, true);
        ctx.processingTime = 55;
        fireTime.scheduleFirst(23, window, ctx.at(window));
        assertThat(ctx.eventTimers(window)).containsExactly(30L);
        assertThat(ctx.processingTimers(window)).isEmpty();
    }

    @Test
    void shouldScheduleFromTheClockInProcessingTimeAndIgnoreTheTimestamp() {
        var fireTime = new ContinuousFireTime("t", 10, false);
        ctx.processingTime = 55;
        fireTime.scheduleFirst(23, window, ctx.at(window));
        assertThat(ctx.processingTimers(window)).containsExactly(60L);
        assertThat(ctx.eventTimers(window)).isEmpty();
    }

    @Test
    void shouldKeepTheFirstScheduledTimeUntilItFires() {
        var fireTime = new ContinuousFireTime("t", 10, true);
        fireTime.scheduleFirst(23, window, ctx.at(window));
        fireTime.scheduleFirst(47, window, ctx);
        assertThat(ctx.eventTimers(window)).containsExactly(30L);
        assertThat(fireTime.fireAt(40, window, ctx)).isFalse();
        assertThat(fireTime.fireAt(30, window, ctx.firedEventTimer(30))).isTrue();
        assertThat(ctx.eventTimers(window)).containsExactly(40L);
    }

    @Test
    void shouldNeverScheduleBeyondTheWindowsMaxTimestamp() {
        var fireTime = new ContinuousFireTime("t", 30, false);
        ctx.processingTime = 95;
        fireTime.scheduleFirst(0, window, ctx.at(window));
        assertThat(ctx.processingTimers(window)).containsExactly(99L);
    }

    @Test
    void shouldMergeToTheEarliestAndClearInItsOwnTimeDomain() {
        var fireTime = new ContinuousFireTime("t", 10, false);
        var a = new TimeWindow(0, 100);
        var b = new TimeWindow(50, 150);
        ctx.processingTime = 72;
        fireTime.scheduleFirst(0, b, ctx.at(b));
        ctx.processingTime = 12;
        fireTime.scheduleFirst(0, a, ctx.at(a));
        var merged = new TimeWindow(0, 150);
        ctx.mergedWindows = List.of(a, b);
        fireTime.merge(ctx.at(merged));
        assertThat(ctx.processingTimers(merged)).containsExactly(20L);
        fireTime.clear(ctx);
        assertThat(ctx.processingTimers(merged)).isEmpty();
        assertThat(ctx.eventTimers(merged)).isEmpty();
    }

    @Test
    void shouldRejectANonPositiveIntervalNamingTheTrigger() {
        assertThatThrownBy(() -> new ContinuousFireTime("MyTrigger", 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MyTrigger").hasMessageContaining("0 ms");
    }
}
