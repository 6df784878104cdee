package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one scheduler run and their shared stop flag: the part that the {@code dedicated} and
 * {@code cooperative} schedulers have in common. Threads are platform daemon threads; one that dies with
 * an exception escaping its loop is reported as {@code reportFailure(null, cause)}.
 *
 * <p>Use: {@link #add} the threads (from one thread), then {@link #startAll()} once; {@link #stop()} and
 * {@link #awaitTermination} may follow at any time.
 *
 * <h2>Thread safety</h2>
 * {@link #add} and {@link #startAll()} are called by one thread before any worker runs. The stop flag is
 * volatile: {@link #stop()}, {@link #isStopping()} and {@link #awaitTermination} may be called from any
 * thread, including a worker reporting a failure.
 */
final class WorkerGroup {
    private final SchedulerContext context;
    private final List<Thread> pending = new ArrayList<>();
    private volatile List<Thread> threads;
    private volatile boolean stopping;

    WorkerGroup(SchedulerContext context) {
        this.context = context;
    }

    /** The name of pooled worker {@code index} (from 0): {@code weir-<job>-worker-<index>}. */
    static String workerThreadName(SchedulerContext context, int index) {
        return "weir-" + context.jobName() + "-worker-" + index;
    }

    /** The name of the thread that runs only {@code tasklet}: {@code weir-<job>-<tasklet name>}. */
    static String taskletThreadName(SchedulerContext context, Tasklet tasklet) {
        return "weir-" + context.jobName() + "-" + tasklet.name();
    }

    /** Creates, without starting it, a thread named {@code name} that runs {@code tasklets} in turn. */
    void add(String name, List<Tasklet> tasklets) {
        if (threads != null) {
            throw new IllegalStateException("start() may be called only once");
        }
        GuardedTasklet[] guarded = new GuardedTasklet[tasklets.size()];
        for (int i = 0; i < guarded.length; i++) {
            guarded[i] = new GuardedTasklet(tasklets.get(i), context);
        }
        TaskletWorker worker = new TaskletWorker(this, guarded, context.newIdleStrategy(),
                context.registerWorker(name));
        pending.add(Thread.ofPlatform()
                .name(name)
                .daemon(true)
                .uncaughtExceptionHandler((thread, cause) -> context.reportFailure(null, cause))
                .unstarted(worker));
    }

    /** Starts every added thread; may be called once. */
    void startAll() {
        if (threads != null) {
            throw new IllegalStateException("start() may be called only once");
        }
        List<Thread> all = List.copyOf(pending);
        pending.clear();
        threads = all;
        for (Thread thread : all) {
            thread.start();
        }
    }

    /** Raises the stop flag and wakes parked workers so that they exit after their current call. */
    void stop() {
        stopping = true;
        List<Thread> all = threads;
        if (all != null) {
            for (Thread thread : all) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** {@code true} once {@link #stop()} was called. */
    boolean isStopping() {
        return stopping;
    }

    /** Joins every started thread within {@code timeout} in total; {@code true} if all have exited. */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        List<Thread> all = threads;
        if (all == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : all) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
                return false;
            }
        }
        return true;
    }
}
