package io.weir.testkit;

import io.weir.api.StreamEnvironment;
import io.weir.runtime.fault.FaultInjector;
import io.weir.testkit.internal.Jobs;
import io.weir.testkit.internal.ThreadLeaks;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What {@link SourceTestSuite} and {@link SinkTestSuite} share: the test's directory, the hooks a plugin
 * author may override (resources, threads, timeout, environment, seed), and the steps with which every job
 * of either suite uses them. Not for extending directly: extend one of the two suites.
 *
 * <h2>Thread safety</h2>
 * As the suites: JUnit creates one instance per test, and every method is called on the test thread.
 */
abstract class ConnectorSuite {
    /** The temporary directory of each test (JUnit); a {@link ConnectorTestContext} gets a folder in it. */
    @TempDir
    protected Path kitDirectory;

    ConnectorSuite() {
    }

    /**
     * Your check that the connector released what it holds (files, connections, native memory, its own
     * threads) once a job ended, after a failure too; called after every job of the suite. Does nothing by
     * default.
     */
    protected void assertResourcesReleased(ConnectorTestContext context) throws Exception {
    }

    /** Threads that may outlive a job (a pool the connector shares between jobs by design). None by default. */
    protected boolean isAllowedToOutliveTheJob(Thread thread) {
        return false;
    }

    /** How long any one job or wait of the suite may take before the test fails. One minute by default. */
    protected Duration timeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * Adjusts the environment of every job of the suite, such as {@code env.configure(ExecutionOptions.SCHEDULER,
     * "dedicated")}. The kit has already set parallelism, checkpoint directory, restart strategy and fault
     * injector; leave those alone. Does nothing by default.
     */
    protected void configure(StreamEnvironment env) {
    }

    /** The seed of {@link ConnectorTestContext#seed()}. */
    protected long seed() {
        return 42;
    }

    /** The context of a job at {@code parallelism}: its directory ({@code connector} in the test's) exists. */
    final ConnectorTestContext context(int parallelism) throws IOException {
        Path directory = Files.createDirectories(kitDirectory.resolve("connector"));
        return new ConnectorTestContext(directory, parallelism, seed());
    }

    /** The environment of a job: the kit's settings (faults: none if {@code null}), then {@link #configure}. */
    final StreamEnvironment environment(int parallelism, FaultInjector faults) {
        StreamEnvironment env = Jobs.environment(kitDirectory.resolve("checkpoints"), parallelism, faults);
        configure(env);
        return env;
    }

    /**
     * After a job: waits (at most {@link #timeout()}) until no thread started since {@code threadsBefore} is left
     * but the allowed ones, then runs {@link #assertResourcesReleased}.
     */
    final void assertThreadsAndResourcesReleased(Set<Thread> threadsBefore, ConnectorTestContext context)
            throws Exception {
        ThreadLeaks.assertNoneLeft(threadsBefore, timeout(), this::isAllowedToOutliveTheJob);
        assertResourcesReleased(context);
    }
}
