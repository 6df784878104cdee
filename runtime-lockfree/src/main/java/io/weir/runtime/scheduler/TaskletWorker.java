package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.IdleStrategy;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.WorkerProbe;

/**
 * The loop of one worker thread, in the style of Jet's {@code CooperativeWorker}: a round calls each
 * live tasklet once, drops the ones that are {@link ProgressState#DONE} (or failed), and idles when the
 * whole round made no progress. The thread exits when no tasklet is left or the group is stopping; the
 * stop flag is read before every call, so a stop takes effect after the current call.
 *
 * <p>Time is measured with one {@link System#nanoTime()} per call: calls that made progress count as
 * busy, calls that made none and the idling count as idle; totals go to the probe once per round.
 *
 * <h2>Thread safety</h2>
 * Built on the scheduler's thread, then confined to the worker thread ({@link Thread#start()} publishes it).
 */
final class TaskletWorker implements Runnable {
    private final WorkerGroup group;
    private final GuardedTasklet[] tasklets;
    private final IdleStrategy idleStrategy;
    private final WorkerProbe probe;
    private int live;
    private long lastNanos;

    TaskletWorker(WorkerGroup group, GuardedTasklet[] tasklets, IdleStrategy idleStrategy, WorkerProbe probe) {
        this.group = group;
        this.tasklets = tasklets;
        this.idleStrategy = idleStrategy;
        this.probe = probe;
        this.live = tasklets.length;
    }

    @Override
    public void run() {
        lastNanos = System.nanoTime();
        while (live > 0 && !group.isStopping()) {
            runRound();
        }
    }

    private void runRound() {
        long busyNanos = 0;
        long idleNanos = 0;
        int progressed = 0;
        int kept = 0;
        int count = live;
        for (int i = 0; i < count; i++) {
            if (group.isStopping()) {
                break;
            }
            GuardedTasklet tasklet = tasklets[i];
            ProgressState state = tasklet.step();
            long elapsed = elapsedSinceLast();
            if (state.madeProgress()) {
                busyNanos += elapsed;
                progressed++;
            } else {
                idleNanos += elapsed;
            }
            if (state != ProgressState.DONE) {
                tasklets[kept++] = tasklet;
            }
        }
        live = group.isStopping() ? 0 : kept;
        if (progressed == 0 && live > 0) {
            idleStrategy.idle();
            idleNanos += elapsedSinceLast();
        } else {
            idleStrategy.reset();
        }
        report(busyNanos, idleNanos);
    }

    private long elapsedSinceLast() {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        lastNanos = now;
        return elapsed;
    }

    private void report(long busyNanos, long idleNanos) {
        if (busyNanos > 0) {
            probe.busy(busyNanos);
        }
        if (idleNanos > 0) {
            probe.idle(idleNanos);
        }
    }
}
