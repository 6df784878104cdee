package io.weir.perf.nexmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HiccupMeterTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldRecordEachParksExcessOverTheShortestParkSeen() {
        Recorder recorder = new Recorder(BenchSink.MAX_LATENCY_NANOS, 3);
        HiccupMeter.Measurer measurer = new HiccupMeter.Measurer(recorder);

        measurer.took(MS + 60_000); // the first park: the floor so far, no hiccup
        measurer.took(MS + 90_000); // 30 us above the floor
        measurer.took(MS + 50_000); // a new floor (the timer's slack is not a hiccup)
        measurer.took(MS + 250_000); // 200 us above the new floor

        Histogram h = recorder.getIntervalHistogram();
        assertThat(h.getTotalCount()).isEqualTo(4);
        assertThat(h.getCountAtValue(0)).isEqualTo(2);
        assertThat(h.valuesAreEquivalent(h.getMaxValue(), 200_000)).isTrue();
        assertThat(h.getCountBetweenValues(29_000, 31_000)).isEqualTo(1);
    }

    @Test
    void shouldAlsoRecordTheSamplesAStalledThreadMissed() {
        Recorder recorder = new Recorder(BenchSink.MAX_LATENCY_NANOS, 3);
        HiccupMeter.Measurer measurer = new HiccupMeter.Measurer(recorder);

        measurer.took(MS);
        measurer.took(MS + 5 * MS); // a 5 ms stall: the samples due at 1, 2, 3 and 4 ms into it were missed

        Histogram h = recorder.getIntervalHistogram();
        // 0 (the floor), 5 ms, and the corrected 4, 3, 2 and 1 ms
        assertThat(h.getTotalCount()).isEqualTo(6);
        for (long missed = 1; missed <= 5; missed++) {
            assertThat(h.getCountBetweenValues(missed * MS - 10_000, missed * MS + 10_000)).as("%d ms", missed).isEqualTo(1);
        }
    }

    @Test
    void shouldMeasureUntilClosedAndStopItsThread() {
        HiccupMeter meter = HiccupMeter.start();
        Histogram first;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            first = meter.interval(null); // the thread records a sample every millisecond or so
        } while (first.getTotalCount() == 0 && System.nanoTime() < deadline);
        meter.close();

        assertThat(first.getTotalCount()).isPositive();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("weir-bench-hiccups") && t.isAlive());
    }
}
