package io.weir.perf.checkpoint;

import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;
import org.HdrHistogram.Recorder;

/**
 * Records, for each paced {@link Event}, {@code System.nanoTime() - intendedNanos} into an HdrHistogram
 * {@link Recorder}: the time from when the source should have emitted the record to its arrival here, so a
 * stall anywhere (a checkpoint's synchronous part, a GC, back-pressure) shows up in full, including for the
 * records the source could not emit while it was stalled (no coordinated omission). Fill records are ignored.
 *
 * <h2>Thread safety</h2>
 * One writer per sink subtask; the recorder takes values from any number of threads.
 */
final class LatencySink implements WriterSink<Event> {
    private final Recorder recorder;

    LatencySink(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public SinkWriter<Event> createWriter(WriterContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Event record, long timestamp) {
                if (record.paced()) {
                    recorder.recordValue(Math.max(0, System.nanoTime() - record.intendedNanos()));
                }
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
