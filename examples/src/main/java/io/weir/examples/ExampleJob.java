package io.weir.examples;

import io.weir.api.StreamEnvironment;

import java.io.PrintStream;

/**
 * One runnable example job, listed by {@code weir examples} and started by {@code weir run <name>}.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.weir.examples.ExampleJob}. They need a public no-argument constructor
 * and must be stateless, because the registry creates one instance per lookup.
 *
 * <h2>Contract</h2>
 * The caller creates and configures the environment (parallelism, scheduler, exchange mode and any
 * {@code -D} options) and passes it to {@link #run}. The job builds its pipeline on that environment,
 * executes it, waits for it to finish and writes its results, and nothing else, to {@code out}
 * (progress and diagnostics go to the log). A failing job throws; the caller reports the failure.
 *
 * <h2>Thread safety</h2>
 * {@link #run} is called once per job, from the caller's thread; it may block until the job ends.
 */
public interface ExampleJob {

    /** The short name used on the command line: lower case, words joined by {@code -}, such as {@code wordcount}. */
    String name();

    /** One line (no trailing period) that says what the example shows. */
    String description();

    /**
     * Builds the job on {@code env}, executes it to the end and prints its results to {@code out}.
     *
     * @param env a configured environment on which no pipeline was built yet
     * @param out where the results go
     * @throws Exception when the job cannot be built or fails
     *         (a failure of the running job is an {@link io.weir.api.JobFailedException})
     */
    void run(StreamEnvironment env, PrintStream out) throws Exception;
}
