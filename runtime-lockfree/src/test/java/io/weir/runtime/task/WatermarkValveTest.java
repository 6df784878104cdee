package io.weir.runtime.task;

import io.weir.runtime.operators.Output;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkValveTest {
    private final List<String> out = new ArrayList<>();
    private final Output recorder = new Output() {
        @Override
        public void emit(Object value, long timestamp) {
            out.add("record " + value);
        }

        @Override
        public void emitWatermark(long watermark) {
            out.add("wm " + watermark);
        }

        @Override
        public void emitWatermarkStatus(boolean idle) {
            out.add(idle ? "idle" : "active");
        }
    };

    @Test
    void shouldEmitTheMinimumOverChannelsOnlyWhenItAdvances() {
        var valve = new WatermarkValve(2, recorder);
        valve.inputWatermark(0, 10);
        assertThat(out).isEmpty();
        valve.inputWatermark(1, 5);
        valve.inputWatermark(1, 7);
        valve.inputWatermark(0, 8);   // lower than before on channel 0: ignored
        valve.inputWatermark(1, 12);
        assertThat(out).containsExactly("wm 5", "wm 7", "wm 10");
    }

    @Test
    void shouldNotLetAnIdleChannelHoldBackTheWatermark() {
        var valve = new WatermarkValve(2, recorder);
        valve.inputWatermark(0, 10);
        valve.inputStatus(1, true);
        assertThat(out).containsExactly("wm 10");
        valve.inputWatermark(0, 20);
        assertThat(out).containsExactly("wm 10", "wm 20");
    }

    @Test
    void shouldRejoinAnActiveChannelOnlyOnceItCaughtUp() {
        var valve = new WatermarkValve(2, recorder);
        valve.inputStatus(1, true);
        valve.inputWatermark(0, 20);
        valve.inputStatus(1, false);      // channel 1 still at MIN: not aligned, does not hold back
        valve.inputWatermark(0, 30);
        valve.inputWatermark(1, 25);      // behind 30: still not aligned
        valve.inputWatermark(0, 40);
        valve.inputWatermark(1, 35);      // still behind the last output (40): not aligned
        valve.inputWatermark(0, 50);
        assertThat(out).containsExactly("wm 20", "wm 30", "wm 40", "wm 50");
        valve.inputWatermark(1, 55);      // caught up: aligned, and from now on part of the minimum
        valve.inputWatermark(0, 70);
        assertThat(out).containsExactly("wm 20", "wm 30", "wm 40", "wm 50", "wm 55");
    }

    @Test
    void shouldMarkTheTaskIdleWhenAllChannelsAreIdleAndActiveAgainOnFirstActivity() {
        var valve = new WatermarkValve(2, recorder);
        valve.inputWatermark(0, 3);
        valve.inputWatermark(1, 9);
        valve.inputStatus(0, true);
        valve.inputStatus(1, true);
        assertThat(out).containsExactly("wm 3", "wm 9", "idle");
        valve.inputWatermark(0, 11);
        assertThat(out).containsExactly("wm 3", "wm 9", "idle", "active", "wm 11");
    }

    @Test
    void shouldIgnoreEndedChannels() {
        var valve = new WatermarkValve(2, recorder);
        valve.inputWatermark(0, 10);
        valve.inputEnded(1);
        assertThat(out).containsExactly("wm 10");
        valve.inputWatermark(1, 100);
        valve.inputWatermark(0, Long.MAX_VALUE);
        assertThat(out).containsExactly("wm 10", "wm " + Long.MAX_VALUE);
    }
}
