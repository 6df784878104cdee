package io.weir.runtime.execution;

import io.weir.api.config.ConfigOption;

import java.util.concurrent.Executor;

/**
 * A test hook that takes the two threads a job runs beside its scheduler, the supervisor and the
 * checkpoint I/O thread, away from the runtime and lets the caller drive them: with it a simulation can
 * run a whole job, failures and restarts included, on one thread of its own choosing, in an order it
 * chooses. Set it with {@code env.configure(JobDriver.OPTION, driver)}; when unset (the default) the
 * runtime starts its own daemon threads and nothing changes.
 *
 * <p>Contract: {@link #attach} is called once, from {@code JobRun.start}, after the first attempt has
 * been handed to the scheduler. From then on the driver must call {@link Supervisor#step()} again and
 * again (never concurrently, never from inside a tasklet call) until it returns {@code true}: the job
 * has then ended and its result future is complete. A step never blocks: restart delays are waited out
 * on {@link #nanoTime()} across steps. Every task given to {@link #checkpointExecutor()} must eventually
 * run, one at a time, in the order given (as on a single thread).
 *
 * <h2>Thread safety</h2>
 * The runtime calls {@link #attach}, {@link #checkpointExecutor()} and {@link #nanoTime()} from the
 * thread that starts the job and from {@link Supervisor#step()}; tasks may hand work to the executor from
 * the scheduler's threads.
 */
public interface JobDriver {

    /** The configuration option that carries the driver (no default: the runtime uses its own threads). */
    ConfigOption<JobDriver> OPTION = ConfigOption.of("test.job-driver", JobDriver.class, null,
            "drives the supervisor and the checkpoint I/O of a job instead of their threads (simulation)");

    /** Takes over the job's supervisor; {@code jobName} is for messages. */
    void attach(String jobName, Supervisor supervisor);

    /** Runs the asynchronous part of checkpoints in place of the job's {@code checkpoint-io} thread. */
    Executor checkpointExecutor();

    /** The clock of the watchdog and of restart delays, in nanoseconds (any origin, never decreasing). */
    long nanoTime();

    /** One pass of the supervisor's loop. */
    @FunctionalInterface
    interface Supervisor {
        /**
         * Handles what happened since the last step (failures, restarts, the end of the input, checkpoint
         * acknowledgements and periodic triggers, the watchdog); {@code true} once the job has ended.
         */
        boolean step();
    }
}
