package io.weir.perf.nexmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {
    /** 1,000 events per second: event time advances by 1 ms per event, and event i is due at i ms. */
    private final Schedule schedule = Schedule.of(5_000_000_000L, 1_000, 100_000, 2);

    @Test
    void shouldDueEventsAtTheRate() {
        assertThat(schedule.intendedNanos(0)).isEqualTo(5_000_000_000L);
        assertThat(schedule.intendedNanos(1_500)).isEqualTo(6_500_000_000L);
        assertThat(schedule.dueBy(4_000_000_000L)).isZero();
        assertThat(schedule.dueBy(5_000_000_000L)).isEqualTo(1);
        assertThat(schedule.dueBy(6_500_000_000L)).isEqualTo(1_501);
        assertThat(schedule.dueBy(Long.MAX_VALUE / 2)).isEqualTo(100_000);
    }

    @Test
    void shouldKeepEventTimeInStepWithTheRate() {
        assertThat(schedule.eventTime().due(0)).isEqualTo(Schedule.START_MILLIS);
        assertThat(schedule.eventTime().due(1_234)).isEqualTo(Schedule.START_MILLIS + 1_234);
    }

    @Test
    void shouldCloseAWindowWithTheLastSplitsFirstEventPastIt() {
        long windowEnd = Schedule.START_MILLIS + 10_000;
        // watermark = timestamp - 1 reaches windowEnd - 1 with event 10,000 (timestamp windowEnd) in split 0, event
        // 10,001 in split 1
        assertThat(schedule.firstAtOrAfter(windowEnd)).isEqualTo(10_000);
        assertThat(schedule.closingEvent(windowEnd - 1)).isEqualTo(10_001);
    }

    @Test
    void shouldCloseWindowsPastTheInputWithTheLastEvent() {
        assertThat(schedule.closingEvent(Schedule.START_MILLIS + 1_000_000)).isEqualTo(99_999);
    }

    @Test
    void shouldFindTheFirstEventOfATimestampWhenManyShareAMillisecond() {
        Schedule fast = Schedule.of(0, 3_000_000, 10_000_000, 1);
        long interval = fast.eventTime().intervalNanos();
        assertThat(interval).isEqualTo(333);
        long first = fast.firstAtOrAfter(Schedule.START_MILLIS + 7);
        assertThat(fast.eventTime().due(first)).isEqualTo(Schedule.START_MILLIS + 7);
        assertThat(fast.eventTime().due(first - 1)).isEqualTo(Schedule.START_MILLIS + 6);
    }
}
