package io.weir.perf.report;

/**
 * The performance issue's targets that run folders can judge (on this project's 2-core machine). A ratio target is
 * judged on a pair of runs measured side by side with the same workload, events, parallelism and seed; see
 * {@link Targets} for which runs each target applies to. The JMH target (channel hand-off at least 100 M records/s
 * in object mode) has no run folder and is not here.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
public enum Target {
    /** q1 throughput at least 4x Flink's. */
    T1("q1 throughput at least 4x Flink's (same events, parallelism, seed, event time)"),
    /** q1 throughput within 1.5x of the bare generator's. */
    T2("q1 throughput within 1.5x of the bare generator's (same events, parallelism, seed)"),
    /** The per-auction tumbling count at least 10x Flink's. */
    T3("tumbling-count throughput at least 10x Flink's (same events, parallelism, seed, event time)"),
    /** q5 at least 20x Flink's. */
    T4("q5 throughput at least 20x Flink's (same events, parallelism, seed, event time)"),
    /** q7 at least 20x Flink's. */
    T5("q7 throughput at least 20x Flink's (same events, parallelism, seed, event time)"),
    /** q1 at 1 M events/s with a checkpoint every second: p99.99 under 1 ms. */
    T6("q1 at 1 M events/s with a checkpoint every second: p99.99 latency under 1 ms"),
    /** q5 at 1 M events/s keeps up with p99.99 under 5 ms. */
    T7("q5 at 1 M events/s keeps up (on schedule in at least 99% of the seconds) with p99.99 under 5 ms "
            + "(from the watermark that closes a window to its result)"),
    /** The checkpoint pause: p99 with checkpoints within 1.5x of the same run without. */
    T8("the data path's pause during a checkpoint: p99 latency with checkpoints within 1.5x of the same latency run "
            + "without checkpoints (same workload, rate, events, parallelism, seed and settings)");

    private final String text;

    Target(String text) {
        this.text = text;
    }

    /** {@code T1} ... {@code T8}. */
    public String id() {
        return name();
    }

    /** What the target demands, in words. */
    public String text() {
        return text;
    }
}
