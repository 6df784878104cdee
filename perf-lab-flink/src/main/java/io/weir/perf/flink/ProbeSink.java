package io.weir.perf.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's sink: counts results and, in latency mode, records each result's latency, {@code nanoTime}
 * when the sink sees it minus the intended emission time of its {@link ClosingIndex closing event}, into the
 * run's HdrHistogram {@link Recorder}. Results are dropped after that.
 *
 * @param <T> result type
 */
public final class ProbeSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final int PUBLISH_EVERY = 64;
    private final ClosingIndex<T> closing;

    /** A sink that measures each result from {@code closing.of(result)}. */
    public ProbeSink(ClosingIndex<T> closing) {
        this.closing = closing;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(closing);
    }

    /** Counts and measures; Flink's task thread only. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final ClosingIndex<T> closing;
        private final Probe.Run run;
        private final AtomicLong cell;
        private final boolean measure;
        private long received;
        private long anchor = Long.MIN_VALUE;

        Writer(ClosingIndex<T> closing) {
            this.closing = closing;
            this.run = Probe.run();
            this.cell = Probe.receivedCell();
            this.measure = run.rate() > 0;
        }

        @Override
        public void write(T result, Context context) {
            if (measure) {
                long now = System.nanoTime();
                if (anchor == Long.MIN_VALUE) {
                    anchor = Probe.anchor();
                }
                long index = closing.of(result);
                long intended = Probe.intendedNanos(run, anchor, index);
                run.recorderFor(index).recordValue(Math.min(3_600_000_000_000L, Math.max(0, now - intended)));
            }
            if (++received % PUBLISH_EVERY == 0) {
                cell.lazySet(received);
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            cell.set(received);
            if (endOfInput) {
                Probe.activity(run, System.nanoTime());
            }
        }

        @Override
        public void close() {
            cell.set(received);
        }
    }
}
