package io.weir.api.windowing;

import io.weir.api.codec.Codecs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWindowTest {

    @Test
    void shouldEndOneMillisecondBeforeEnd() {
        assertThat(new TimeWindow(0, 10).maxTimestamp()).isEqualTo(9);
        assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldComputeWindowStartLikeFlinkForPositiveAndNegativeTimestamps() {
        assertThat(TimeWindow.getWindowStartWithOffset(0, 0, 10)).isEqualTo(0);
        assertThat(TimeWindow.getWindowStartWithOffset(9, 0, 10)).isEqualTo(0);
        assertThat(TimeWindow.getWindowStartWithOffset(10, 0, 10)).isEqualTo(10);
        assertThat(TimeWindow.getWindowStartWithOffset(-1, 0, 10)).isEqualTo(-10);
        assertThat(TimeWindow.getWindowStartWithOffset(-10, 0, 10)).isEqualTo(-10);
        assertThat(TimeWindow.getWindowStartWithOffset(-11, 0, 10)).isEqualTo(-20);
        assertThat(TimeWindow.getWindowStartWithOffset(-15, 0, 10)).isEqualTo(-20);
        // offsets shift the grid, positive or negative
        assertThat(TimeWindow.getWindowStartWithOffset(12, 3, 10)).isEqualTo(3);
        assertThat(TimeWindow.getWindowStartWithOffset(2, 3, 10)).isEqualTo(-7);
        assertThat(TimeWindow.getWindowStartWithOffset(12, -3, 10)).isEqualTo(7);
        assertThat(TimeWindow.getWindowStartWithOffset(-4, -3, 10)).isEqualTo(-13);
    }

    @Test
    void shouldAlwaysContainTheTimestamp() {
        for (long ts = -50; ts <= 50; ts++) {
            for (long offset = -6; offset <= 6; offset++) {
                long start = TimeWindow.getWindowStartWithOffset(ts, offset, 7);
                assertThat(start).isLessThanOrEqualTo(ts).isGreaterThan(ts - 7);
                assertThat(Math.floorMod(start - offset, 7)).isZero();
            }
        }
    }

    @Test
    void shouldIntersectWhenOverlappingOrTouching() {
        TimeWindow w = new TimeWindow(10, 20);
        assertThat(w.intersects(new TimeWindow(15, 25))).isTrue();
        assertThat(w.intersects(new TimeWindow(20, 30))).isTrue();
        assertThat(w.intersects(new TimeWindow(0, 10))).isTrue();
        assertThat(w.intersects(new TimeWindow(21, 30))).isFalse();
        assertThat(w.intersects(new TimeWindow(0, 9))).isFalse();
        assertThat(w.cover(new TimeWindow(5, 12))).isEqualTo(new TimeWindow(5, 20));
    }

    @Test
    void shouldMergeRunsOfIntersectingWindows() {
        List<String> merges = new ArrayList<>();
        TimeWindow.mergeWindows(List.of(new TimeWindow(20, 30), new TimeWindow(0, 10), new TimeWindow(5, 12),
                        new TimeWindow(40, 50), new TimeWindow(30, 35), new TimeWindow(60, 70)),
                (Collection<TimeWindow> group, TimeWindow result) -> merges.add(Set.copyOf(group).size() + "->" + result));
        assertThat(merges).containsExactly("2->" + new TimeWindow(0, 12), "2->" + new TimeWindow(20, 35));
    }

    @Test
    void shouldRoundTripThroughCodecs() {
        TimeWindow w = new TimeWindow(-5, 17);
        assertThat(Codecs.fromBytes(TimeWindow.codec(), Codecs.toBytes(TimeWindow.codec(), w))).isEqualTo(w);
        assertThat(Codecs.toBytes(TimeWindow.codec(), w)).hasSize(TimeWindow.codec().fixedSize());
        assertThat(Codecs.fromBytes(GlobalWindow.codec(), Codecs.toBytes(GlobalWindow.codec(), GlobalWindow.get())))
                .isSameAs(GlobalWindow.get());
    }

    @Test
    void shouldBeEqualByBounds() {
        assertThat(new TimeWindow(1, 2)).isEqualTo(new TimeWindow(1, 2)).hasSameHashCodeAs(new TimeWindow(1, 2));
        assertThat(new TimeWindow(1, 2)).isNotEqualTo(new TimeWindow(1, 3));
    }
}
