package io.weir.proptest;

import java.util.concurrent.atomic.AtomicLong;

/** What the properties exercised, over the whole test run, printed at the end. */
final class Campaign {
    static final AtomicLong PIPELINES = new AtomicLong();
    static final AtomicLong RECORDS = new AtomicLong();
    static final AtomicLong FAILURES = new AtomicLong();
    static final AtomicLong RESTARTS = new AtomicLong();
    static final AtomicLong CHECKPOINTS = new AtomicLong();
    static final AtomicLong SIMULATED = new AtomicLong();
    static final AtomicLong REAL = new AtomicLong();
    static final AtomicLong SAVEPOINTS = new AtomicLong();

    private Campaign() {
    }

    static void count(int records, io.weir.proptest.job.TrialRunner.Result r, boolean simulated) {
        PIPELINES.incrementAndGet();
        RECORDS.addAndGet(records);
        FAILURES.addAndGet(r.fired());
        RESTARTS.addAndGet(r.restarts());
        CHECKPOINTS.addAndGet(r.checkpoints());
        (simulated ? SIMULATED : REAL).incrementAndGet();
    }

    static String summary() {
        return "exercised " + PIPELINES.get() + " pipeline runs (" + SIMULATED.get() + " simulated, " + REAL.get()
                + " on real schedulers), " + RECORDS.get() + " source records, " + FAILURES.get() + " injected failures, "
                + RESTARTS.get() + " restarts, " + CHECKPOINTS.get() + " completed checkpoints, " + SAVEPOINTS.get()
                + " rescaled savepoint restores";
    }
}
