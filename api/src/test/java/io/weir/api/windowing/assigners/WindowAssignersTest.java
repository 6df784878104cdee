package io.weir.api.windowing.assigners;

import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.NeverTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowAssignersTest {
    private static final WindowAssigner.Context NOW_0 = () -> 0;

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static TimeWindow w(long start, long end) {
        return new TimeWindow(start, end);
    }

    @Test
    void shouldAssignTumblingEventTimeWindows() {
        var assigner = TumblingEventTimeWindows.of(ms(5000));
        assertThat(assigner.assignWindows("x", 0, NOW_0)).containsExactly(w(0, 5000));
        assertThat(assigner.assignWindows("x", 4999, NOW_0)).containsExactly(w(0, 5000));
        assertThat(assigner.assignWindows("x", 5000, NOW_0)).containsExactly(w(5000, 10000));
        assertThat(assigner.assignWindows("x", -1, NOW_0)).containsExactly(w(-5000, 0));
        assertThat(assigner.isEventTime()).isTrue();
        assertThat(assigner.defaultTrigger()).isSameAs(EventTimeTrigger.create());
        assertThat(assigner.size()).isEqualTo(5000);
        assertThat(assigner.slide()).isEqualTo(5000);
    }

    @Test
    void shouldShiftTumblingWindowsByTheOffset() {
        var positive = TumblingEventTimeWindows.of(ms(5000), ms(100));
        assertThat(positive.assignWindows("x", 100, NOW_0)).containsExactly(w(100, 5100));
        assertThat(positive.assignWindows("x", 99, NOW_0)).containsExactly(w(-4900, 100));
        assertThat(positive.assignWindows("x", 5099, NOW_0)).containsExactly(w(100, 5100));
        var negative = TumblingEventTimeWindows.of(ms(5000), ms(-100));
        assertThat(negative.assignWindows("x", 4899, NOW_0)).containsExactly(w(-100, 4900));
        assertThat(negative.assignWindows("x", -101, NOW_0)).containsExactly(w(-5100, -100));
    }

    @Test
    void shouldRejectBadTumblingParameters() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abs(offset) < size");
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(-10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectRecordsWithoutTimestampInEventTime() {
        TumblingEventTimeWindows tumbling = TumblingEventTimeWindows.of(ms(10));
        assertThatThrownBy(() -> tumbling.assignWindows("x", Long.MIN_VALUE, NOW_0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("assignTimestampsAndWatermarks")
                .hasMessageContaining(tumbling.toString()); // the error names the assigner
        SlidingEventTimeWindows sliding = SlidingEventTimeWindows.of(ms(10), ms(5));
        assertThatThrownBy(() -> sliding.assignWindows("x", Long.MIN_VALUE, NOW_0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(sliding.toString());
        EventTimeSessionWindows<Object> sessions = EventTimeSessionWindows.withGap(ms(10));
        assertThatThrownBy(() -> sessions.assignWindows("x", Long.MIN_VALUE, NOW_0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(sessions.toString());
    }

    @Test
    void shouldAssignTumblingProcessingTimeWindowsByTheClock() {
        var assigner = TumblingProcessingTimeWindows.of(ms(1000), ms(10));
        assertThat(assigner.assignWindows("x", 123_456, () -> 2500)).containsExactly(w(2010, 3010));
        assertThat(assigner.assignWindows("x", Long.MIN_VALUE, () -> 2009)).containsExactly(w(1010, 2010));
        assertThat(assigner.isEventTime()).isFalse();
        assertThat(assigner.defaultTrigger()).isSameAs(ProcessingTimeTrigger.create());
    }

    @Test
    void shouldAssignSlidingWindowsFromTheLastStartDown() {
        var assigner = SlidingEventTimeWindows.of(ms(5000), ms(1000));
        assertThat(assigner.assignWindows("x", 0, NOW_0))
                .containsExactly(w(0, 5000), w(-1000, 4000), w(-2000, 3000), w(-3000, 2000), w(-4000, 1000));
        assertThat(assigner.assignWindows("x", 4999, NOW_0))
                .containsExactly(w(4000, 9000), w(3000, 8000), w(2000, 7000), w(1000, 6000), w(0, 5000));
        assertThat(assigner.assignWindows("x", -1, NOW_0)).hasSize(5).first().isEqualTo(w(-1000, 4000));
    }

    @Test
    void shouldAssignSlidingWindowsWithOffsetAndUnevenSlide() {
        var withOffset = SlidingEventTimeWindows.of(ms(5000), ms(1000), ms(100));
        assertThat(withOffset.assignWindows("x", 100, NOW_0))
                .containsExactly(w(100, 5100), w(-900, 4100), w(-1900, 3100), w(-2900, 2100), w(-3900, 1100));
        // size not a multiple of slide: records belong to 2 or 3 windows
        var uneven = SlidingEventTimeWindows.of(ms(25), ms(10));
        assertThat(uneven.assignWindows("x", 0, NOW_0)).containsExactly(w(0, 25), w(-10, 15), w(-20, 5));
        assertThat(uneven.assignWindows("x", 7, NOW_0)).containsExactly(w(0, 25), w(-10, 15));
        // slide larger than size: some records belong to no window
        var gaps = SlidingEventTimeWindows.of(ms(5), ms(10));
        assertThat(gaps.assignWindows("x", 3, NOW_0)).containsExactly(w(0, 5));
        assertThat(gaps.assignWindows("x", 7, NOW_0)).isEmpty();
    }

    @Test
    void shouldAgreeWithABruteForceEnumerationOfSlidingWindows() {
        for (long size = 1; size <= 12; size++) {
            for (long slide = 1; slide <= 12; slide++) {
                for (long offset = -(slide - 1); offset < slide; offset++) {
                    var assigner = SlidingEventTimeWindows.of(ms(size), ms(slide), ms(offset));
                    for (long ts = -30; ts <= 30; ts++) {
                        List<TimeWindow> expected = new ArrayList<>();
                        for (long k = 100; k >= -100; k--) {
                            long start = offset + k * slide;
                            if (start <= ts && ts < start + size) {
                                expected.add(w(start, start + size));
                            }
                        }
                        assertThat(assigner.assignWindows("x", ts, NOW_0))
                                .as("size %d slide %d offset %d ts %d", size, slide, offset, ts)
                                .containsExactlyElementsOf(expected);
                    }
                }
            }
        }
    }

    @Test
    void shouldRejectBadSlidingParameters() {
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abs(offset) < slide and size > 0");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(0), ms(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ms(10), ms(5), ms(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAssignSlidingProcessingTimeWindowsByTheClock() {
        var assigner = SlidingProcessingTimeWindows.of(ms(10), ms(5));
        assertThat(assigner.assignWindows("x", 0, () -> 12)).containsExactly(w(10, 20), w(5, 15));
        assertThat(assigner.defaultTrigger()).isSameAs(ProcessingTimeTrigger.create());
    }

    @Test
    void shouldOpenSessionWindowsOfTheGap() {
        var assigner = EventTimeSessionWindows.withGap(ms(10));
        assertThat(assigner.assignWindows("x", 7, NOW_0)).containsExactly(w(7, 17));
        assertThat(assigner.isEventTime()).isTrue();
        assertThat(assigner.defaultTrigger()).isSameAs(EventTimeTrigger.create());
        var byClock = ProcessingTimeSessionWindows.withGap(ms(10));
        assertThat(byClock.assignWindows("x", 7, () -> 100)).containsExactly(w(100, 110));
        assertThat(byClock.isEventTime()).isFalse();
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < size");
    }

    @Test
    void shouldTakeTheGapFromTheExtractor() {
        var assigner = EventTimeSessionWindows.<String>withDynamicGap(String::length);
        assertThat(assigner.assignWindows("abc", 10, NOW_0)).containsExactly(w(10, 13));
        assertThatThrownBy(() -> assigner.assignWindows("", 10, NOW_0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < gap");
        var byClock = ProcessingTimeSessionWindows.<String>withDynamicGap(String::length);
        assertThat(byClock.assignWindows("ab", 10, () -> 50)).containsExactly(w(50, 52));
        assertThat(byClock.isDynamicGap()).isTrue();
    }

    @Test
    void shouldMergeIntersectingSessions() {
        var assigner = EventTimeSessionWindows.withGap(ms(10));
        List<String> merges = new ArrayList<>();
        assigner.mergeWindows(List.of(w(0, 10), w(10, 20), w(25, 35)), (group, result) -> merges.add(result.toString()));
        assertThat(merges).containsExactly(w(0, 20).toString());
    }

    @Test
    void shouldPutEverythingInTheGlobalWindow() {
        var assigner = GlobalWindows.create();
        assertThat(assigner.assignWindows("x", 5, NOW_0)).containsExactly(GlobalWindow.get());
        assertThat(assigner.defaultTrigger()).isInstanceOf(NeverTrigger.class);
        assertThat(assigner.isEventTime()).isFalse();
    }
}
