package io.weir.perf.nexmark;

import io.weir.spi.sink.SinkWriter;
import io.weir.spi.testing.TestWriterContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchSinkTest {

    @Test
    void shouldRecordOnlyResultsOfEventsPastTheWarmUp() throws Exception {
        Recorder recorder = new Recorder(BenchSink.MAX_LATENCY_NANOS, 3);
        Progress progress = new Progress(1);
        // 1,000 events at 1,000 per second, due from a second ago: every result is late by a known amount
        Schedule schedule = Schedule.of(System.nanoTime() - 1_000_000_000L, 1_000, 1_000, 1);
        BenchSink sink = new BenchSink(progress, recorder, schedule, false, 100);
        SinkWriter<Object> writer = sink.createWriter(TestWriterContext.fresh(0, 1));

        for (long event = 0; event < 300; event++) {
            writer.write("result", event); // stateless results carry their event's index
        }
        writer.flush(true);

        Histogram measured = recorder.getIntervalHistogram();
        assertThat(measured.getTotalCount()).isEqualTo(200); // events 100 .. 299
        assertThat(measured.getMinValue()).isPositive();
        assertThat(progress.sunk()).isEqualTo(300); // every result counts, warm-up or not
    }

    @Test
    void shouldCountWithoutARecorderInThroughputMode() throws Exception {
        Progress progress = new Progress(1);
        BenchSink sink = new BenchSink(progress, null, Schedule.of(System.nanoTime(), 0, 10, 1), false, 0);
        SinkWriter<Object> writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        for (long event = 0; event < 10; event++) {
            writer.write("result", event);
        }
        writer.close();
        assertThat(progress.sunk()).isEqualTo(10);
    }
}
