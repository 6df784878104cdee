package io.weir.testkit;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultPoint;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterSink;
import io.weir.testkit.internal.Await;
import io.weir.testkit.internal.FailOnce;
import io.weir.testkit.internal.InstrumentedSource;
import io.weir.testkit.internal.Jobs;
import io.weir.testkit.internal.ListSource;
import io.weir.testkit.internal.Multisets;
import io.weir.testkit.internal.ThreadLeaks;
import io.weir.testkit.internal.TrackedSinks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test suite of a sink plugin: extend it, say how to build the sink, which records to write and how to
 * read back what the sink made visible, and state its guarantee; every test below runs against it in real
 * jobs on Weir's runtime. The kit feeds the sink from its own checkpointable source over
 * {@link #records}.
 *
 * <pre>{@code
 * class MySinkTest extends SinkTestSuite<String> {
 *     protected WriterSink<String> createSink(ConnectorTestContext context) {
 *         return new MySink(context.directory().resolve("out"));
 *     }
 *     protected List<String> records(ConnectorTestContext context) {
 *         return context.lines(2_000);
 *     }
 *     protected List<String> readCommitted(ConnectorTestContext context) throws IOException {
 *         return MySink.readVisible(context.directory().resolve("out"));
 *     }
 *     protected SinkGuarantee guarantee() {
 *         return SinkGuarantee.EXACTLY_ONCE;
 *     }
 * }
 * }</pre>
 *
 * What it checks:
 * <ul>
 *   <li><b>all data</b> at parallelism 1, 2 and 4: what {@link #readCommitted} sees after the job is
 *       exactly {@link #records} (as a multiset);</li>
 *   <li><b>its guarantee across a failure</b>, at parallelism 2, once per fault point: in the source task
 *       after a checkpoint ({@code SOURCE_READ}), right after a task's snapshot ({@code AFTER_SNAPSHOT}),
 *       and for {@link TwoPhaseCommitSink}s after the pre-commit ({@code AFTER_PRECOMMIT}) and during the
 *       commit ({@code DURING_COMMIT}; skipped, after a failure-free check of the output, for a sink that
 *       pre-commits nothing at checkpoints and so never commits). The job checkpoints at known points, fails once and restarts; then
 *       an {@link SinkGuarantee#EXACTLY_ONCE} sink must show exactly the records, an
 *       {@link SinkGuarantee#AT_LEAST_ONCE} one at least each of them;</li>
 *   <li><b>resources</b>: after every job, every writer and committer was closed, no thread that the job
 *       started is still running, and {@link #assertResourcesReleased} (your hook) passes.</li>
 * </ul>
 *
 * <p>Records must implement {@code equals} and {@code hashCode}. The suite runs seven short jobs.
 * The kit depends on {@code weir-runtime-lockfree}: take it with {@code <scope>test</scope>}.
 *
 * <h2>Thread safety</h2>
 * JUnit creates one instance per test; the abstract methods are called on the test thread. The suite is
 * {@link Isolated}: it runs alone even under JUnit's parallel execution (its thread-leak check counts every
 * thread of the JVM).
 *
 * @param <T> record type of the sink
 */
@Isolated("checks for threads a job leaves behind: no other test may start threads meanwhile")
public abstract class SinkTestSuite<T> extends ConnectorSuite {
    /** Splits of the kit's source: more than the highest parallelism, so some readers get two. */
    private static final int SOURCE_SPLITS = 6;

    /** A new sink; called once per job, with a context whose directory is fresh for the test. */
    protected abstract WriterSink<T> createSink(ConnectorTestContext context) throws Exception;

    /** The records to write (at least {@value SourceTestSuite#MIN_RECORDS}; a few thousand are plenty). */
    protected abstract List<T> records(ConnectorTestContext context) throws Exception;

    /** What a reader of the sink's destination sees now: only committed (visible) records. */
    protected abstract List<T> readCommitted(ConnectorTestContext context) throws Exception;

    /** What the sink claims across failures; the kit holds it to the claim. */
    protected abstract SinkGuarantee guarantee();

    // ---- the tests --------------------------------------------------------------------------

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void shouldMakeEveryRecordVisibleOnce(int parallelism) throws Exception {
        Run<T> run = start(parallelism, null);
        JobClient job = run.env.executeAsync("testkit: write all at parallelism " + parallelism);
        Jobs.await(job, timeout());

        Multisets.assertSame("records visible after writing at parallelism " + parallelism, run.records,
                readCommitted(run.context));
        assertReleased(run);
    }

    @ParameterizedTest(name = "failure at {0}")
    @EnumSource(value = FaultPoint.class, names = {"SOURCE_READ", "AFTER_SNAPSHOT", "AFTER_PRECOMMIT", "DURING_COMMIT"})
    void shouldKeepItsGuaranteeAcrossAFailure(FaultPoint point) throws Exception {
        Run<T> run = start(2, point);
        assumeTrue(run.twoPhase || (point != FaultPoint.AFTER_PRECOMMIT && point != FaultPoint.DURING_COMMIT),
                "only two-phase-commit sinks pre-commit and commit");
        long n = run.records.size();
        int p = run.context.parallelism();
        run.source.open(n / 2 / p);
        JobClient job = run.env.executeAsync("testkit: " + guarantee() + " across a failure at " + point);

        run.source.awaitReadersHeld(p, timeout());
        Jobs.checkpoint(job, timeout());
        run.source.open(3 * n / 4 / p);
        run.source.awaitReadersHeld(p, timeout());
        run.faults.arm();
        Optional<CheckpointInfo> second = point == FaultPoint.SOURCE_READ ? Optional.empty()
                : Jobs.checkpointThatMayFail(job, timeout());
        boolean unreachable = point == FaultPoint.DURING_COMMIT && second.isPresent() && run.counts.committables() == 0;
        if (!unreachable) {
            Await.until(run.faults::fired, timeout(), () -> "the injected failure at " + point + " did not fire");
        }
        run.source.open(Long.MAX_VALUE);
        Jobs.await(job, timeout());

        List<T> visible = readCommitted(run.context);
        String what = "records visible after a failure at " + point;
        switch (guarantee()) {
            case EXACTLY_ONCE -> Multisets.assertSame(what + " (the sink claims EXACTLY_ONCE)", run.records, visible);
            case AT_LEAST_ONCE -> Multisets.assertContainsAll(what + " (the sink claims AT_LEAST_ONCE)", run.records,
                    visible);
        }
        assertReleased(run);
        if (unreachable && !run.faults.fired()) {
            Assumptions.abort("the sink pre-committed nothing at checkpoints, so it has no commit to fail in "
                    + "(the job ran without a failure and its output was checked)");
        }
        assertThat(job.restarts()).as("restarts (second checkpoint: %s)", second).isEqualTo(1);
    }

    // ---- machinery ---------------------------------------------------------------------------

    private record Run<T>(ConnectorTestContext context, InstrumentedSource<T, ListSource.Split> source,
                          TrackedSinks.Counts counts, boolean twoPhase, FailOnce faults, StreamEnvironment env,
                          List<T> records, Set<Thread> threadsBefore) {
    }

    private Run<T> start(int parallelism, FaultPoint fault) throws Exception {
        ConnectorTestContext context = context(parallelism);
        List<T> records = List.copyOf(records(context));
        assertThat(records).as("records()").hasSizeGreaterThanOrEqualTo(SourceTestSuite.MIN_RECORDS);
        InstrumentedSource<T, ListSource.Split> source = new InstrumentedSource<>(new ListSource<>(records, SOURCE_SPLITS));
        FailOnce faults = fault == null ? null : new FailOnce(fault, source::markFailed);
        WriterSink<T> sink = createSink(context);
        TrackedSinks.Counts counts = new TrackedSinks.Counts();
        StreamEnvironment env = environment(parallelism, faults);
        env.fromSource(source, "kit source").uid("kit-source").setParallelism(parallelism)
                .sinkTo(TrackedSinks.track(sink, counts)).uid("sink-under-test").setParallelism(parallelism);
        return new Run<>(context, source, counts, sink instanceof TwoPhaseCommitSink<?, ?>, faults, env, records,
                ThreadLeaks.snapshot());
    }

    private void assertReleased(Run<T> run) throws Exception {
        TrackedSinks.Counts c = run.counts;
        Await.until(() -> c.writersClosed() == c.writersCreated() && c.committersClosed() == c.committersCreated(),
                timeout(), () -> "every writer and committer must be closed: " + c);
        assertThreadsAndResourcesReleased(run.threadsBefore, run.context);
    }
}
