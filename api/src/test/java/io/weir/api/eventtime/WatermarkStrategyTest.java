package io.weir.api.eventtime;

import io.weir.api.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkStrategyTest {
    private final List<String> out = new ArrayList<>();
    private final WatermarkOutput recorder = new WatermarkOutput() {
        @Override
        public void emitWatermark(long timestamp) {
            out.add("wm " + timestamp);
        }

        @Override
        public void markIdle() {
            out.add("idle");
        }

        @Override
        public void markActive() {
            out.add("active");
        }
    };

    @Test
    void shouldEmitMaxTimestampMinusBoundMinusOne() {
        var gen = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(3)).createWatermarkGenerator(new ManualClock());
        gen.onPeriodicEmit(recorder);
        gen.onEvent("a", 10, recorder);
        gen.onEvent("b", 5, recorder);
        gen.onPeriodicEmit(recorder);
        gen.onEvent("c", 20, recorder);
        gen.onPeriodicEmit(recorder);
        assertThat(out).containsExactly("wm " + Long.MIN_VALUE, "wm 6", "wm 16");
    }

    @Test
    void shouldEmitMaxTimestampMinusOneForMonotonousTimestamps() {
        var gen = WatermarkStrategy.<String>forMonotonousTimestamps().createWatermarkGenerator(new ManualClock());
        gen.onEvent("a", 100, recorder);
        gen.onPeriodicEmit(recorder);
        assertThat(out).containsExactly("wm 99");
    }

    @Test
    void shouldMarkIdleAfterTimeoutAndActiveOnNextEvent() {
        var clock = new ManualClock(1_000);
        var gen = WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofSeconds(5))
                .createWatermarkGenerator(clock);
        gen.onEvent("a", 10, recorder);
        clock.advance(Duration.ofSeconds(4));
        gen.onPeriodicEmit(recorder);
        clock.advance(Duration.ofSeconds(1));
        gen.onPeriodicEmit(recorder);
        gen.onPeriodicEmit(recorder);
        gen.onEvent("b", 20, recorder);
        gen.onPeriodicEmit(recorder);
        assertThat(out).containsExactly("wm 9", "idle", "active", "wm 19");
    }

    @Test
    void shouldUseTheGivenTimestampAssigner() {
        var strategy = WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 2);
        assertThat(strategy.createTimestampAssigner().extractTimestamp(21L, TimestampAssigner.NO_TIMESTAMP)).isEqualTo(42);
        assertThat(strategy.withIdleness(Duration.ofSeconds(1)).createTimestampAssigner().extractTimestamp(5L, 0)).isEqualTo(10);
    }
}
