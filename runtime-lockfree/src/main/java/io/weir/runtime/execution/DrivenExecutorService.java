package io.weir.runtime.execution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The checkpoint I/O "thread" of a job run by a {@link JobDriver}: tasks go to the driver's executor;
 * after {@link #shutdown()} new tasks are rejected (tasks already handed over are the driver's to run or drop).
 *
 * <h2>Thread safety</h2>
 * Thread-safe as the driver's executor; the shutdown flag is volatile.
 */
final class DrivenExecutorService extends AbstractExecutorService {
    private final Executor delegate;
    private volatile boolean shutdown;

    DrivenExecutorService(Executor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "the job driver's checkpoint executor");
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the job's checkpoint I/O has shut down");
        }
        delegate.execute(command);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        Objects.requireNonNull(Duration.of(timeout, unit.toChronoUnit()));
        return shutdown;
    }
}
