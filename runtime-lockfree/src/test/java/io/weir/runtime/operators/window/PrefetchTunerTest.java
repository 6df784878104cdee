package io.weir.runtime.operators.window;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PrefetchTuner} on a manual clock that each batch advances by the cost of the mode it ran in. */
class PrefetchTunerTest {

    private long now;
    private final PrefetchTuner tuner = new PrefetchTuner(() -> now);

    /** Nanoseconds per record with and without the prefetch pass. */
    private long withCost = 40;
    private long withoutCost = 60;

    /** Runs a batch of {@code count} records; returns whether it prefetched. */
    private boolean batch(int count) {
        boolean prefetch = tuner.begin(count);
        now += count * (prefetch ? withCost : withoutCost);
        tuner.end();
        return prefetch;
    }

    /** Runs {@code n} full batches; returns how many prefetched. */
    private int batches(int n) {
        int prefetched = 0;
        for (int i = 0; i < n; i++) {
            prefetched += batch(256) ? 1 : 0;
        }
        return prefetched;
    }

    @Test
    void shouldPrefetchUntilTheFirstTrialThenKeepTheCheaperMode() {
        assertThat(batches(PrefetchTuner.EPOCH)).isEqualTo(PrefetchTuner.EPOCH);
        withCost = 70; // the pass stops paying (hot keys)
        assertThat(batches(PrefetchTuner.TRIAL)).as("a trial: half of its batches with the pass").isEqualTo(PrefetchTuner.TRIAL / 2);
        assertThat(tuner.prefetching()).isFalse();
        assertThat(batches(PrefetchTuner.EPOCH)).isZero();
        withCost = 30; // and pays again (keys spread out)
        assertThat(batches(PrefetchTuner.TRIAL)).isEqualTo(PrefetchTuner.TRIAL / 2);
        assertThat(tuner.prefetching()).isTrue();
        assertThat(batches(PrefetchTuner.EPOCH)).isEqualTo(PrefetchTuner.EPOCH);
    }

    @Test
    void shouldAlternateTheModesWithinATrial() {
        batches(PrefetchTuner.EPOCH);
        boolean previous = batch(256);
        for (int i = 1; i < PrefetchTuner.TRIAL; i++) {
            boolean prefetched = batch(256);
            assertThat(prefetched).as("trial batch %d", i).isNotEqualTo(previous);
            previous = prefetched;
        }
    }

    @Test
    void shouldNotLetOneDelayedBatchDecide() {
        batches(PrefetchTuner.EPOCH);
        withCost = 50; // cheaper with the pass, but ...
        for (int i = 0; i < PrefetchTuner.TRIAL; i++) {
            boolean prefetch = tuner.begin(256);
            now += 256 * (prefetch ? withCost : withoutCost) + (i == 0 ? 10_000_000 : 0); // ... a 10 ms pause in one
            tuner.end();
        }
        assertThat(tuner.prefetching()).isTrue();
        withCost = 65;
        for (int i = 0; i < PrefetchTuner.EPOCH; i++) {
            batch(256);
        }
        for (int i = 0; i < PrefetchTuner.TRIAL; i++) {
            boolean prefetch = tuner.begin(256);
            now += 256 * (prefetch ? withCost : withoutCost) + (i == 1 ? 10_000_000 : 0);
            tuner.end();
        }
        assertThat(tuner.prefetching()).isFalse();
    }

    @Test
    void shouldNeitherTimeNorCountSmallBatchesAndCompareTheOthersPerRecord() {
        withCost = 70;
        for (int i = 0; i < 10 * PrefetchTuner.EPOCH; i++) {
            assertThat(batch(PrefetchTuner.MIN_TIMED - 1)).isTrue(); // the current mode, no trial
        }
        batches(PrefetchTuner.EPOCH);
        for (int i = 0; i < PrefetchTuner.TRIAL; i++) {
            batch(i % 4 == 0 ? 256 : PrefetchTuner.MIN_TIMED + i); // sizes differ: costs per record decide
        }
        assertThat(tuner.prefetching()).isFalse();
    }

    @Test
    void shouldForgetABatchThatFailedBeforeItEnded() {
        batches(PrefetchTuner.EPOCH);
        withCost = 70;
        tuner.begin(256); // a trial batch whose update threw: never ended
        now += 1_000_000;
        assertThat(batches(PrefetchTuner.TRIAL)).isEqualTo(PrefetchTuner.TRIAL / 2);
        assertThat(tuner.prefetching()).isFalse();
    }
}
