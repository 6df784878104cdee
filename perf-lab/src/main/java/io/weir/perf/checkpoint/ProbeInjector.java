package io.weir.perf.checkpoint;

import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness's {@link FaultInjector}: it times the synchronous part of each task's snapshot (the runtime
 * calls {@link FaultPoint#BEFORE_SNAPSHOT} and {@link FaultPoint#AFTER_SNAPSHOT} around it, on the task's
 * thread, while the task processes nothing else), and, once {@link #arm armed}, fails the next record
 * that reaches a user function, once, to measure recovery.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: called from every task thread; read by the harness thread.
 */
final class ProbeInjector implements FaultInjector {

    /** The synchronous part of checkpoint {@code checkpointId} in one task subtask. */
    record SyncPart(long checkpointId, String task, int subtask, long nanos) {
    }

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<SyncPart> syncParts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile long failedNanos;

    @Override
    public void at(FaultPoint point, String task, int subtask, long detail) {
        switch (point) {
            case BEFORE_SNAPSHOT -> started.put(task + "#" + subtask + "#" + detail, System.nanoTime());
            case AFTER_SNAPSHOT -> {
                long now = System.nanoTime();
                Long start = started.remove(task + "#" + subtask + "#" + detail);
                if (start != null) {
                    syncParts.add(new SyncPart(detail, task, subtask, now - start));
                }
            }
            case USER_FUNCTION -> {
                if (armed.get() && armed.compareAndSet(true, false)) {
                    failedNanos = System.nanoTime();
                    throw new InjectedFailure("checkpoint harness: injected failure in " + task + " #" + subtask);
                }
            }
            default -> {
            }
        }
    }

    /** The next record reaching a user function fails the job (once). */
    void arm() {
        failedNanos = 0;
        armed.set(true);
    }

    /** {@code System.nanoTime()} when the armed failure was thrown, or 0. */
    long failedNanos() {
        return failedNanos;
    }

    /** The synchronous parts of checkpoint {@code checkpointId} recorded so far, one per task subtask. */
    List<SyncPart> syncParts(long checkpointId) {
        List<SyncPart> parts = new ArrayList<>();
        for (SyncPart p : syncParts) {
            if (p.checkpointId() == checkpointId) {
                parts.add(p);
            }
        }
        return parts;
    }
}
