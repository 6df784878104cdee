package io.weir.perf.nexmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the platform's hiccups during a latency run, by jHiccup's method: a thread that does nothing but park
 * for {@value #RESOLUTION_MILLIS} ms at a time records how much longer than its shortest observed park each park
 * took. What delays it (the operating system not running the thread, the hypervisor not running the virtual CPU, a
 * safepoint, a collection) delays the engine's threads just the same, so a latency spike that coincides with a hiccup
 * of the same size is the platform's, and one without is the engine's. A hiccup of {@code h} is recorded with
 * HdrHistogram's expected-interval correction, as jHiccup does: the samples the stalled thread missed are recorded too
 * ({@code h - 1 ms}, {@code h - 2 ms}, ...), so the percentiles are those of a sampler that was never stalled.
 *
 * <p>The thread wakes a thousand times a second for a few microseconds; on a machine whose cores the job keeps busy
 * that is a small share of one core, taken from whichever thread runs there.
 *
 * <h2>Thread safety</h2>
 * {@link #interval} and {@link #close} are called by one thread (the harness's); the meter's own thread only records
 * (HdrHistogram's {@link Recorder} is made for that hand-off).
 */
final class HiccupMeter implements AutoCloseable {
    /** The park the thread measures, in milliseconds. */
    static final long RESOLUTION_MILLIS = 1;
    private static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);

    private final Recorder recorder = new Recorder(BenchSink.MAX_LATENCY_NANOS, 3);
    private final Thread thread;
    private volatile boolean running = true;

    private HiccupMeter() {
        thread = Thread.ofPlatform().daemon().name("weir-bench-hiccups").unstarted(this::measure);
    }

    /** Starts a meter; {@link #close} stops it. */
    static HiccupMeter start() {
        HiccupMeter meter = new HiccupMeter();
        meter.thread.start();
        return meter;
    }

    private void measure() {
        Measurer measurer = new Measurer(recorder);
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(RESOLUTION_NANOS);
            measurer.took(System.nanoTime() - before);
        }
    }

    /**
     * The hiccups recorded since the previous call (the first call: since the start), into {@code spare} (a histogram
     * an earlier call returned, or {@code null}).
     */
    Histogram interval(Histogram spare) {
        return recorder.getIntervalHistogram(spare);
    }

    /** Stops the thread and waits for it (at most a second: it wakes every millisecond). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Turns the duration of each park into a hiccup: the excess over the shortest park seen so far (the parks' own
     * floor, the timer slack, is not a hiccup), recorded with the expected-interval correction.
     */
    static final class Measurer {
        private final Recorder recorder;
        private long shortest = Long.MAX_VALUE;

        Measurer(Recorder recorder) {
            this.recorder = recorder;
        }

        /** Records one park of {@code nanos}. */
        void took(long nanos) {
            if (nanos < shortest) {
                shortest = nanos;
            }
            long hiccup = Math.min(nanos - shortest, BenchSink.MAX_LATENCY_NANOS);
            recorder.recordValueWithExpectedInterval(hiccup, RESOLUTION_NANOS);
        }
    }
}
