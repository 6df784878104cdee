package io.weir.perf.nexmark;

import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;
import org.HdrHistogram.Recorder;

/**
 * The harness's sink: counts results (published to {@link Progress}) and, in latency mode, records each result's
 * latency into an HdrHistogram {@link Recorder}: {@code System.nanoTime()} now minus the intended emission time of
 * the event the result came from. Which event that is follows from the record's timestamp: the event's index for
 * the stateless queries ({@link NexmarkSource.Stamp#INDEX}), the window's max timestamp for windowed results, whose
 * closing event the {@link Schedule} computes. Results closed by warm-up events go to a second recorder that is
 * thrown away, through the same code: a path first taken when the warm-up ends would be compiled then (a
 * deoptimisation and a pause of about 10 ms in the first measured second).
 *
 * <h2>Thread safety</h2>
 * One writer per sink subtask, on its thread; the recorder takes values from any number of threads.
 */
final class BenchSink implements WriterSink<Object> {
    /**
     * The largest latency a recorder holds, one hour (larger values are recorded as one hour): recorders of a fixed
     * range never resize their counts array while the run is measured.
     */
    static final long MAX_LATENCY_NANOS = 3_600_000_000_000L;
    /** Records between two publications of the count. */
    private static final int PUBLISH_EVERY = 256;

    private final Progress progress;
    private final Recorder recorder;
    /** {@code [0]} the warm-up's (discarded), {@code [1]} the measured recorder. */
    private final Recorder[] recorders;
    private final Schedule schedule;
    private final boolean windowed;
    private final long warmupEvents;

    /**
     * @param recorder     where latencies go, or {@code null} to count only (throughput mode)
     * @param windowed     results carry window max timestamps (else: event indexes)
     * @param warmupEvents results whose closing event is below this index are not recorded
     */
    BenchSink(Progress progress, Recorder recorder, Schedule schedule, boolean windowed, long warmupEvents) {
        this.progress = progress;
        this.recorder = recorder;
        this.recorders = recorder == null ? null : new Recorder[] {new Recorder(MAX_LATENCY_NANOS, 3), recorder};
        this.schedule = schedule;
        this.windowed = windowed;
        this.warmupEvents = warmupEvents;
    }

    @Override
    public SinkWriter<Object> createWriter(WriterContext context) {
        int subtask = context.subtaskIndex();
        return new SinkWriter<>() {
            private long count;

            @Override
            public void write(Object record, long timestamp) {
                if (recorder != null) {
                    long now = System.nanoTime();
                    long event = windowed ? schedule.closingEvent(timestamp) : timestamp;
                    // 1 once the event is past the warm-up, without a branch the JIT could compile as never taken
                    int measured = (int) (~(event - warmupEvents) >>> 63);
                    recorders[measured].recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, now - schedule.intendedNanos(event))));
                }
                if (++count % PUBLISH_EVERY == 0) {
                    progress.publishSunk(subtask, count);
                }
            }

            @Override
            public void flush(boolean endOfInput) {
                progress.publishSunk(subtask, count);
            }

            @Override
            public void close() {
                progress.publishSunk(subtask, count);
            }
        };
    }
}
