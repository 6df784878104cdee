package io.weir.testkit;

import io.weir.api.codec.Codec;
import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.internal.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The suites are not vacuous: connectors with a known defect, run through the suites with the JUnit
 * launcher, fail exactly the tests that check for that defect, with a message that names it.
 */
class SuitesCatchBrokenConnectorsTest {
    /** The tag of the broken suites: surefire excludes it (see the pom); the launcher here runs them. */
    static final String BROKEN = "broken-connector-fixture";
    private static final ConcurrentLinkedQueue<Thread> LEAKED = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stopLeakedThreads() {
        LEAKED.forEach(Thread::interrupt);
        LEAKED.clear();
    }

    /** Test name -> failure message, for the tests of {@code suite} that failed. */
    private static Map<String, String> failures(Class<?> suite) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsStartedCount()).as("tests started").isPositive();
        return summary.getFailures().stream().collect(Collectors.toMap(
                f -> f.getTestIdentifier().getLegacyReportingName(),
                f -> String.valueOf(f.getException().getMessage()), (a, b) -> a + " | " + b));
    }

    @Test
    void shouldFailTheRestoreTestForAReaderThatForgetsItsPosition() {
        Map<String, String> failed = failures(ForgetfulSourceSuite.class);

        assertThat(failed).containsOnlyKeys("shouldResumeFromTheCheckpointedPositionsAfterAFailure()");
        assertThat(failed.values().iterator().next()).contains("unexpected or duplicated");
    }

    @Test
    void shouldFailEveryJobTestForASourceThatLeavesAThreadRunning() {
        Map<String, String> failed = failures(LeakySourceSuite.class);

        assertThat(failed).hasSize(4).allSatisfy((test, message) ->
                assertThat(message).contains("threads left running").contains("leaky-reader"));
    }

    @Test
    void shouldFailTheParallelTestsForAnEnumeratorThatHandsASplitToTwoReaders() {
        Map<String, String> failed = failures(DoubleAssigningSourceSuite.class);

        assertThat(failed).containsKeys("shouldDeliverEveryRecordOnceAndAssignEverySplitOnce(int)[2]",
                "shouldDeliverEveryRecordOnceAndAssignEverySplitOnce(int)[3]")
                .doesNotContainKey("shouldDeliverEveryRecordOnceAndAssignEverySplitOnce(int)[1]");
        assertThat(failed.get("shouldDeliverEveryRecordOnceAndAssignEverySplitOnce(int)[2]"))
                .contains("readers (subtasks) that split 'list-");
    }

    @Test
    void shouldFailTheFailureTestsForASinkThatClaimsExactlyOnceWithoutIt() {
        Map<String, String> failed = failures(ImmediateSinkSuite.class);

        assertThat(failed.keySet()).allMatch(name -> name.startsWith("shouldKeepItsGuaranteeAcrossAFailure"))
                .contains("shouldKeepItsGuaranteeAcrossAFailure(FaultPoint)[1]");
        assertThat(failed.values()).allMatch(m -> m.contains("claims EXACTLY_ONCE") && m.contains("duplicated"));
    }

    // ---- the broken connectors, run only through the launcher (tagged: surefire leaves them out) ----

    /** A source whose readers report every split at its start: a restore reads everything again. */
    @Tag(BROKEN)
    static final class ForgetfulSourceSuite extends SourceTestSuite<String> {
        @Override
        protected SplitSource<String, ?> createSource(ConnectorTestContext context) {
            return new Forwarding(new ListSource<>(context.lines(2_000), 4), Defect.FORGETS_POSITIONS);
        }

        @Override
        protected List<String> expectedRecords(ConnectorTestContext context) {
            return context.lines(2_000);
        }
    }

    /** A source whose readers each start a thread that nobody stops. */
    @Tag(BROKEN)
    static final class LeakySourceSuite extends SourceTestSuite<String> {
        @Override
        protected SplitSource<String, ?> createSource(ConnectorTestContext context) {
            return new Forwarding(new ListSource<>(context.lines(500), 2), Defect.LEAKS_A_THREAD);
        }

        @Override
        protected List<String> expectedRecords(ConnectorTestContext context) {
            return context.lines(500);
        }

        @Override
        protected java.time.Duration timeout() {
            return java.time.Duration.ofSeconds(2);
        }
    }

    /** A sink that makes each record visible at once, so a replay after a restore duplicates records. */
    @Tag(BROKEN)
    static final class ImmediateSinkSuite extends SinkTestSuite<String> {
        private final ConcurrentLinkedQueue<String> visible = new ConcurrentLinkedQueue<>();

        @Override
        protected WriterSink<String> createSink(ConnectorTestContext context) {
            return (WriterContext writerContext) -> new SinkWriter<String>() {
                @Override
                public void write(String record, long timestamp) {
                    visible.add(record);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        protected List<String> records(ConnectorTestContext context) {
            return context.lines(2_000);
        }

        @Override
        protected List<String> readCommitted(ConnectorTestContext context) {
            return List.copyOf(visible);
        }

        @Override
        protected SinkGuarantee guarantee() {
            return SinkGuarantee.EXACTLY_ONCE;
        }
    }

    /** A source whose enumerator hands every split to every reader that asks. */
    @Tag(BROKEN)
    static final class DoubleAssigningSourceSuite extends SourceTestSuite<String> {
        @Override
        protected SplitSource<String, ?> createSource(ConnectorTestContext context) {
            return new Forwarding(new ListSource<>(context.lines(1_000), 4), Defect.ASSIGNS_SPLITS_TWICE);
        }

        @Override
        protected List<String> expectedRecords(ConnectorTestContext context) {
            return context.lines(1_000);
        }
    }

    private enum Defect { FORGETS_POSITIONS, LEAKS_A_THREAD, ASSIGNS_SPLITS_TWICE }

    /** Forwards to a list source, with one defect. */
    private record Forwarding(ListSource<String> delegate, Defect defect) implements SplitSource<String, ListSource.Split> {
        @Override
        public Boundedness boundedness() {
            return delegate.boundedness();
        }

        @Override
        public SplitEnumerator<ListSource.Split> createEnumerator(EnumeratorContext<ListSource.Split> context) {
            if (defect != Defect.ASSIGNS_SPLITS_TWICE) {
                return delegate.createEnumerator(context);
            }
            return new SplitEnumerator<>() {
                @Override
                public void start() {
                }

                @Override
                public void handleSplitRequest(int subtask) {
                    for (int i = 0; i < 4; i++) {
                        context.assignSplit(new ListSource.Split(i, 4, i), subtask);
                    }
                    context.signalNoMoreSplits(subtask);
                }

                @Override
                public void addSplitsBack(List<ListSource.Split> splits, int subtask) {
                }

                @Override
                public List<ListSource.Split> snapshotState(long checkpointId) {
                    return List.of();
                }
            };
        }

        @Override
        public SplitEnumerator<ListSource.Split> restoreEnumerator(EnumeratorContext<ListSource.Split> context,
                                                                   List<ListSource.Split> unassigned) {
            return delegate.restoreEnumerator(context, unassigned);
        }

        @Override
        public SplitReader<String, ListSource.Split> createReader(ReaderContext context) {
            SplitReader<String, ListSource.Split> reader = delegate.createReader(context);
            if (defect == Defect.LEAKS_A_THREAD) {
                Thread t = Thread.ofPlatform().daemon().name("leaky-reader-" + context.subtaskIndex()).start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        LockSupport.park();
                    }
                });
                LEAKED.add(t);
            }
            return new SplitReader<>() {
                @Override
                public void start() {
                    reader.start();
                }

                @Override
                public void addSplits(List<ListSource.Split> splits) {
                    reader.addSplits(splits);
                }

                @Override
                public void notifyNoMoreSplits() {
                    reader.notifyNoMoreSplits();
                }

                @Override
                public ReadStatus pollNext(SourceOutput<String> output) throws Exception {
                    return reader.pollNext(output);
                }

                @Override
                public List<ListSource.Split> snapshotState(long checkpointId) {
                    List<ListSource.Split> state = reader.snapshotState(checkpointId);
                    return defect != Defect.FORGETS_POSITIONS ? state : state.stream().map(s -> new ListSource.Split(s.index(), s.stride(), s.index())).toList();
                }

                @Override
                public void close() throws Exception {
                    reader.close();
                }
            };
        }

        @Override
        public Codec<ListSource.Split> splitCodec() {
            return delegate.splitCodec();
        }
    }
}
