package io.weir.runtime.execution;

import io.weir.runtime.task.Monitored;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Notices a job that makes no progress: a tasklet that has not been called for {@code timeout} (a
 * scheduler that starves it or never ran it) or that has been stuck inside one call that long (a
 * blocking user function). A correct scheduler calls every live tasklet again and again, even when
 * there is nothing to do, so silence means something is broken.
 *
 * <h2>Thread safety</h2>
 * Used by one thread (the job's supervisor); reads the tasklets' counters written by other threads.
 */
final class Watchdog {
    private final List<? extends Monitored> tasklets;
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private final long[] lastCalls;
    private final long[] lastChange;

    Watchdog(List<? extends Monitored> tasklets, long timeoutNanos, LongSupplier nanoClock) {
        this.tasklets = List.copyOf(tasklets);
        this.timeoutNanos = timeoutNanos;
        this.nanoClock = nanoClock;
        this.lastCalls = new long[tasklets.size()];
        this.lastChange = new long[tasklets.size()];
        long now = nanoClock.getAsLong();
        for (int i = 0; i < lastCalls.length; i++) {
            lastCalls[i] = this.tasklets.get(i).calls();
            lastChange[i] = now;
        }
    }

    /** What is wrong, as a sentence for the job's failure, or {@code null} when all is well. */
    String check() {
        long now = nanoClock.getAsLong();
        List<String> notCalled = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (int i = 0; i < lastCalls.length; i++) {
            Monitored t = tasklets.get(i);
            if (t.isFinished()) {
                continue;
            }
            long calls = t.calls();
            if (calls != lastCalls[i]) {
                lastCalls[i] = calls;
                lastChange[i] = now;
            } else if (now - lastChange[i] >= timeoutNanos) {
                (t.inCall() ? stuck : notCalled).add(t.name());
            }
        }
        if (notCalled.isEmpty() && stuck.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (!notCalled.isEmpty()) {
            sb.append("the scheduler has not called ").append(notCalled);
        }
        if (!stuck.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(stuck).append(" stuck inside one call (a blocking function?)");
        }
        return sb.append(" for ").append(timeoutNanos / 1_000_000).append(" ms").toString();
    }
}
