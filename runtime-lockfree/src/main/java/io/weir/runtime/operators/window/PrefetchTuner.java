package io.weir.runtime.operators.window;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Decides, by timing, whether a batch of slice table updates starts with a prefetch pass
 * ({@link SliceTable#prefetch}). The pass pays when the batch's entries are not in cache (keys spread over a
 * large table: the pass overlaps their misses); when they are (a few hot keys, as Nexmark's bids on the newest
 * auctions, or a small table) it is one more probe per record for nothing. Which holds depends on the keys and
 * the machine, and can change during a job, so the tuner measures it: after every {@value #EPOCH} batches it
 * times {@value #TRIAL} batches, alternately with and without the pass, and keeps the mode whose median cost
 * per record was lower until the next trial. The median, so that a batch delayed by a collection or by the
 * scheduler does not decide. Batches of fewer than {@value #MIN_TIMED} records are neither timed nor counted.
 * Results never depend on the choice, only the time a batch takes.
 *
 * <p>Use: {@link #begin} before a batch (it answers whether to prefetch), {@link #end} after it.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the operator's thread only.
 */
final class PrefetchTuner {
    /** Batches between two trials (and before the first one, while the code warms up). */
    static final int EPOCH = 512;
    /** Batches of a trial: half of them with the pass. */
    static final int TRIAL = 32;
    /** Smaller batches are not timed (the clock's own cost would weigh on them) nor counted. */
    static final int MIN_TIMED = 64;

    private final LongSupplier nanoClock;
    private boolean prefetch = true;
    private int untilTrial = EPOCH;
    /** Trial costs in picoseconds per record, with and without the pass. */
    private final long[] with = new long[TRIAL / 2];
    private final long[] without = new long[TRIAL / 2];
    private int withCount;
    private int withoutCount;
    /** The batch begun is a trial batch: its mode, records and start. */
    private boolean timed;
    private boolean timedPrefetch;
    private int timedCount;
    private long start;

    /** A tuner reading {@code nanoClock} ({@code System::nanoTime}); it prefetches until a trial says otherwise. */
    PrefetchTuner(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Begins a batch of {@code count} records; returns whether it should start with the prefetch pass. */
    boolean begin(int count) {
        timed = false;
        if (count < MIN_TIMED) {
            return prefetch;
        }
        if (untilTrial > 0) {
            untilTrial--;
            return prefetch;
        }
        timed = true;
        timedPrefetch = withCount <= withoutCount; // alternately, so that a drift weighs on both modes
        timedCount = count;
        start = nanoClock.getAsLong();
        return timedPrefetch;
    }

    /** Ends the batch {@link #begin} began (a batch that failed need not be ended). */
    void end() {
        if (!timed) {
            return;
        }
        timed = false;
        long cost = (nanoClock.getAsLong() - start) * 1000 / timedCount;
        if (timedPrefetch) {
            with[withCount++] = cost;
        } else {
            without[withoutCount++] = cost;
        }
        if (withCount == with.length && withoutCount == without.length) {
            prefetch = median(with) <= median(without);
            withCount = 0;
            withoutCount = 0;
            untilTrial = EPOCH;
        }
    }

    /** The mode of batches outside trials. */
    boolean prefetching() {
        return prefetch;
    }

    private static long median(long[] costs) {
        Arrays.sort(costs);
        return costs[costs.length / 2];
    }
}
