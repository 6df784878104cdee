package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.List;

/**
 * One thread per tasklet, named {@code weir-<job>-<tasklet name>}: it calls {@code init()} once, then
 * {@code call()} until {@code DONE} or {@link #stop()}, idling with the context's idle strategy after a
 * call that made no progress.
 *
 * <h2>Thread safety</h2>
 * As {@link Scheduler}; {@link #stop()} may also be called from any thread.
 */
final class DedicatedScheduler implements Scheduler {
    private final SchedulerContext context;
    private final WorkerGroup workers;

    DedicatedScheduler(SchedulerContext context) {
        this.context = context;
        this.workers = new WorkerGroup(context);
    }

    @Override
    public void start(List<Tasklet> tasklets) {
        for (Tasklet tasklet : tasklets) {
            workers.add(WorkerGroup.taskletThreadName(context, tasklet), List.of(tasklet));
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
