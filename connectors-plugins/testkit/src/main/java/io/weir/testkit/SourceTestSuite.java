package io.weir.testkit;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultPoint;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.internal.Await;
import io.weir.testkit.internal.CollectingSink;
import io.weir.testkit.internal.FailOnce;
import io.weir.testkit.internal.InstrumentedSource;
import io.weir.testkit.internal.Jobs;
import io.weir.testkit.internal.Multisets;
import io.weir.testkit.internal.ThreadLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test suite of a source plugin: extend it, say how to build the source over some test data and which
 * records it must produce, and every test below runs against it, in real jobs on Weir's runtime:
 *
 * <pre>{@code
 * class MySourceTest extends SourceTestSuite<String> {
 *     protected SplitSource<String, ?> createSource(ConnectorTestContext context) throws Exception {
 *         Path input = context.directory().resolve("in.txt");
 *         Files.write(input, context.lines(2_000));
 *         return new MySource(input);
 *     }
 *     protected List<String> expectedRecords(ConnectorTestContext context) {
 *         return context.lines(2_000);
 *     }
 * }
 * }</pre>
 *
 * What it checks:
 * <ul>
 *   <li><b>all data, every split once</b>, at parallelism 1, 2 and 4: the records a job delivers are
 *       exactly {@link #expectedRecords} (as a multiset: order is free), and no split id is handed to a
 *       reader twice;</li>
 *   <li><b>checkpoint and restore</b> at parallelism 2: the kit holds the source after half of the
 *       records, takes a checkpoint, lets a quarter more through, fails the job in the source task and lets
 *       it restart from that checkpoint; the output (through a transactional sink) must again be exactly
 *       the expected records, and the restored readers must get back every split the readers reported in
 *       the checkpoint, at the checkpointed position (compared as bytes of the source's split codec);</li>
 *   <li><b>resources</b>: after every job, also the failed run, every reader and enumerator the runtime
 *       created was closed, no thread that the job started is still running, and
 *       {@link #assertResourcesReleased} (your hook) passes.</li>
 * </ul>
 *
 * <p>Requirements on the source: it must be {@linkplain Boundedness#BOUNDED bounded} in the configuration
 * that {@link #createSource} builds (give an unbounded source a bound for the test), its reader must not
 * block in {@code pollNext}, and its records must implement {@code equals} and {@code hashCode} (records
 * do). The records are kept in memory: a few thousand are enough (the kit needs at least
 * {@value #MIN_RECORDS}). The whole suite runs five short jobs.
 *
 * <p>The kit depends on {@code weir-runtime-lockfree} (it runs jobs and injects failures through the
 * runtime's {@code FaultInjector}): add it with {@code <scope>test</scope>} so that the plugin's own code
 * still sees only the API and the SPI.
 *
 * <h2>Thread safety</h2>
 * JUnit creates one instance per test; {@link #createSource} and {@link #expectedRecords} are called on
 * the test thread. The suite is {@link Isolated}: with JUnit's parallel execution switched on it still runs
 * alone, because its thread-leak check counts every thread of the JVM.
 *
 * @param <T> record type of the source
 */
@Isolated("checks for threads a job leaves behind: no other test may start threads meanwhile")
public abstract class SourceTestSuite<T> extends ConnectorSuite {
    /** The fewest records the kit accepts: it needs a middle to checkpoint in. */
    public static final int MIN_RECORDS = 8;

    /**
     * A new source over the test's data, bounded. Called once per job (each test runs one job), with a
     * context whose directory is fresh for the test: write input data there.
     */
    protected abstract SplitSource<T, ?> createSource(ConnectorTestContext context) throws Exception;

    /** The records that the source built by {@link #createSource} with the same context produces, in any order. */
    protected abstract List<T> expectedRecords(ConnectorTestContext context) throws Exception;

    // ---- the tests --------------------------------------------------------------------------

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void shouldDeliverEveryRecordOnceAndAssignEverySplitOnce(int parallelism) throws Exception {
        Run<T> run = start(parallelism, null);
        JobClient job = run.env.executeAsync("testkit: read all at parallelism " + parallelism);
        Jobs.await(job, timeout());

        Map<String, List<Integer>> readersOfSplit = new HashMap<>();
        run.source.assignments().forEach(a -> readersOfSplit.computeIfAbsent(a.splitId(), id -> new ArrayList<>())
                .add(a.subtask()));
        assertThat(readersOfSplit).as("splits handed to readers").isNotEmpty();
        readersOfSplit.forEach((split, readers) -> assertThat(readers)
                .as("readers (subtasks) that split '%s' was handed to", split).hasSize(1));
        Multisets.assertSame("records read at parallelism " + parallelism, run.expected, run.sink.committed());
        assertReleased(run);
    }

    @Test
    void shouldResumeFromTheCheckpointedPositionsAfterAFailure() throws Exception {
        Run<T> run = start(2, FaultPoint.SOURCE_READ);
        long n = run.expected.size();
        int p = run.context.parallelism();
        run.source.open(n / 2 / p);
        JobClient job = run.env.executeAsync("testkit: checkpoint and restore");

        run.source.awaitReadersHeld(p, timeout());
        CheckpointInfo checkpoint = Jobs.checkpoint(job, timeout());
        List<String> checkpointed = run.source.readerSnapshot(checkpoint.checkpointId());
        run.source.open(3 * n / 4 / p);
        run.source.awaitReadersHeld(p, timeout());
        run.faults.arm();
        Await.until(run.faults::fired, timeout(), () -> "the injected failure did not fire");
        run.source.open(Long.MAX_VALUE);
        Jobs.await(job, timeout());

        assertThat(job.restarts()).as("restarts after the injected failure").isEqualTo(1);
        Multisets.assertSame("records after a failure and a restore from checkpoint " + checkpoint.checkpointId(),
                run.expected, run.sink.committed());
        List<String> restored = run.source.assignments().stream().filter(InstrumentedSource.Assignment::afterFailure)
                .map(InstrumentedSource.Assignment::encoded).toList();
        assertThat(restored)
                .as("splits (id@position bytes) handed to the restored readers must include every split that the "
                        + "readers reported in checkpoint %d", checkpoint.checkpointId())
                .containsAll(checkpointed);
        assertReleased(run);
    }

    @Test
    void shouldDescribeABoundedSourceWithEnoughRecords() throws Exception {
        ConnectorTestContext context = context(1);
        SplitSource<T, ?> source = createSource(context);
        assertThat(source.boundedness())
                .as("the kit needs a bounded source: give createSource() a configuration that ends")
                .isEqualTo(Boundedness.BOUNDED);
        assertThat(source.splitCodec()).as("splitCodec()").isNotNull();
        assertThat(expectedRecords(context)).as("expectedRecords() (at least %d)", MIN_RECORDS)
                .hasSizeGreaterThanOrEqualTo(MIN_RECORDS);
    }

    // ---- machinery ---------------------------------------------------------------------------

    private record Run<T>(ConnectorTestContext context, InstrumentedSource<T, ?> source, CollectingSink<T> sink,
                          FailOnce faults, StreamEnvironment env, List<T> expected, Set<Thread> threadsBefore) {
    }

    private Run<T> start(int parallelism, FaultPoint fault) throws Exception {
        ConnectorTestContext context = context(parallelism);
        InstrumentedSource<T, ?> source = instrument(createSource(context));
        assertThat(source.boundedness()).as("the kit needs a bounded source").isEqualTo(Boundedness.BOUNDED);
        List<T> expected = List.copyOf(expectedRecords(context));
        assertThat(expected).as("expectedRecords()").hasSizeGreaterThanOrEqualTo(MIN_RECORDS);
        FailOnce faults = fault == null ? null : new FailOnce(fault, source::markFailed);
        StreamEnvironment env = environment(parallelism, faults);
        CollectingSink<T> sink = new CollectingSink<>();
        env.fromSource(source, "source under test").uid("source-under-test").setParallelism(parallelism)
                .sinkTo(sink).uid("kit-sink").setParallelism(parallelism);
        return new Run<>(context, source, sink, faults, env, expected, ThreadLeaks.snapshot());
    }

    private static <T, S extends SourceSplit> InstrumentedSource<T, S> instrument(SplitSource<T, S> source) {
        return new InstrumentedSource<>(source);
    }

    private void assertReleased(Run<T> run) throws Exception {
        InstrumentedSource<T, ?> source = run.source;
        Await.until(() -> source.readersClosed() == source.readersCreated()
                        && source.enumeratorsClosed() == source.enumeratorsCreated(), timeout(),
                () -> "readers created " + source.readersCreated() + ", closed " + source.readersClosed()
                        + "; enumerators created " + source.enumeratorsCreated() + ", closed "
                        + source.enumeratorsClosed());
        assertThreadsAndResourcesReleased(run.threadsBefore, run.context);
    }
}
