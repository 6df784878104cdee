package io.weir.runtime.scheduler;

import io.weir.api.config.ExecutionOptions;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed pool of worker threads, {@code weir-<job>-worker-<n>} (n from 0), each cycling through the
 * tasklets assigned to it round-robin at start (see {@link TaskletWorker} for the loop). The pool has
 * {@link ExecutionOptions#WORKERS} threads ({@code 0}: {@link SchedulerContext#availableCores()}), but
 * never more than there are cooperative tasklets. A tasklet whose {@link Tasklet#isCooperative()} is
 * {@code false} gets a thread of its own, named {@code weir-<job>-<tasklet name>}.
 *
 * <h2>Thread safety</h2>
 * As {@link Scheduler}; {@link #stop()} may also be called from any thread.
 */
final class CooperativeScheduler implements Scheduler {
    private final SchedulerContext context;
    private final int maxWorkers;
    private final WorkerGroup workers;

    CooperativeScheduler(SchedulerContext context) {
        this.context = context;
        this.maxWorkers = workerCount(context);
        this.workers = new WorkerGroup(context);
    }

    private static int workerCount(SchedulerContext context) {
        int configured = context.configuration().get(ExecutionOptions.WORKERS);
        if (configured < 0) {
            throw new IllegalArgumentException("configuration option '" + ExecutionOptions.WORKERS.key()
                    + "' must be 0 (one worker per core) or positive, but is " + configured);
        }
        return configured == 0 ? Math.max(1, context.availableCores()) : configured;
    }

    @Override
    public void start(List<Tasklet> tasklets) {
        List<Tasklet> cooperative = new ArrayList<>();
        for (Tasklet tasklet : tasklets) {
            if (tasklet.isCooperative()) {
                cooperative.add(tasklet);
            } else {
                workers.add(WorkerGroup.taskletThreadName(context, tasklet), List.of(tasklet));
            }
        }
        int poolSize = Math.min(maxWorkers, cooperative.size());
        for (int worker = 0; worker < poolSize; worker++) {
            List<Tasklet> assigned = new ArrayList<>();
            for (int i = worker; i < cooperative.size(); i += poolSize) {
                assigned.add(cooperative.get(i));
            }
            workers.add(WorkerGroup.workerThreadName(context, worker), assigned);
        }
        workers.startAll();
    }

    @Override
    public void stop() {
        workers.stop();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout);
    }
}
