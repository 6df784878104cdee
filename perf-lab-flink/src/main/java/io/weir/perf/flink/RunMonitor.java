package io.weir.perf.flink;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a running benchmark once per second of the event clock (from the anchor): events emitted and results
 * seen in that second (throughput.csv), the interval latency histogram (latency.hlog), whether the source kept
 * up with the target rate, and a progress line on standard error.
 *
 * <h2>Thread safety</h2>
 * One monitoring thread (the caller of {@link #tick}).
 */
final class RunMonitor {
    /** A second counts as kept up if the sources are at most this far behind schedule at its end. */
    static final long KEPT_UP_SLACK_NANOS = 10_000_000L;
    private final BenchOptions options;
    private final HistogramLogWriter log;
    private final PrintStream progress;
    private final Histogram total = new Histogram(3_600_000_000_000L, 3);
    private final List<long[]> rows = new ArrayList<>();
    private Histogram interval;
    private long lastEvents;
    private long lastReceived;
    private int keptUp;
    private int checked;
    private int seconds;
    private long cpuAtAnchor;

    RunMonitor(BenchOptions options, HistogramLogWriter log, PrintStream progress) {
        this.options = options;
        this.log = log;
        this.progress = progress;
    }

    /**
     * The event clock started; {@code cpuNanos} is the process's CPU time then (job deployment excluded). Starts the
     * first one-second latency interval here (anything recorded before is kept in the total and the log).
     */
    void anchored(long cpuNanos) {
        cpuAtAnchor = cpuNanos;
        interval = Probe.run().recorder().getIntervalHistogram(interval);
        if (interval.getTotalCount() > 0) {
            log.outputIntervalHistogram(interval);
            total.add(interval);
        }
    }

    long cpuAtAnchor() {
        return cpuAtAnchor;
    }

    /** Takes the sample for the second that ends at {@code now}. */
    void tick(long now, long anchor, boolean last) {
        Probe.Run run = Probe.run();
        long events = Probe.sum(run.emitted());
        long received = Probe.sum(run.received());
        rows.add(new long[] {seconds, events - lastEvents, received - lastReceived});
        interval = run.recorder().getIntervalHistogram(interval);
        if (interval.getTotalCount() > 0 || options.latencyMode()) {
            log.outputIntervalHistogram(interval);
        }
        total.add(interval);
        long dueNow = Math.min(options.events(), (long) ((now - anchor) / 1e9 * options.rate()));
        if (options.latencyMode() && !last && dueNow > Math.min(options.warmup(), options.events())) {
            // as Weir's harness: the seconds of the warm-up are not judged
            long due = dueNow;
            long slack = (long) (KEPT_UP_SLACK_NANOS / 1e9 * options.rate());
            checked++;
            if (events >= due - slack) {
                keptUp++;
            }
        }
        if (!last || events > lastEvents) {
            seconds++;
        }
        progress.printf("flink %s p=%d %ds: %,d events/s, %,d results/s, %,d of %,d events%s%n", options.workload().id(),
                options.parallelism(), seconds, events - lastEvents, received - lastReceived, events, options.events(),
                options.latencyMode() && interval.getTotalCount() > 0
                        ? String.format(", p99 %.3f ms", interval.getValueAtPercentile(99) / 1e6) : "");
        lastEvents = events;
        lastReceived = received;
    }

    /** Rows of (second, events, results). */
    List<long[]> rows() {
        return rows;
    }

    /** Every latency recorded. */
    Histogram total() {
        return total;
    }

    /** The share of full seconds at whose end the sources were on schedule (within the slack); 1 if none passed. */
    double keptUpFraction() {
        return checked == 0 ? 1.0 : (double) keptUp / checked;
    }
}
