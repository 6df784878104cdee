package io.weir.connectors.files;

import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * A fault injector that throws once, at the first call at {@code point} (whose detail and subtask match)
 * after the test {@link #arm armed} it, optionally running an action first (on the calling task's
 * thread). Thread-safe.
 */
final class FailOnce implements FaultInjector {
    private final FaultPoint point;
    private final LongPredicate detail;
    private final int subtask;
    private final Runnable before;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean fired = new AtomicBoolean();

    private FailOnce(FaultPoint point, LongPredicate detail, int subtask, Runnable before) {
        this.point = point;
        this.detail = detail;
        this.subtask = subtask;
        this.before = before;
    }

    /** Fails at the first call at {@code point} once armed. */
    static FailOnce at(FaultPoint point) {
        return new FailOnce(point, d -> true, -1, () -> { });
    }

    /** Fails at {@code point} for checkpoint {@code checkpointId} (armed at once), after running {@code before}. */
    static FailOnce atCheckpoint(FaultPoint point, long checkpointId, Runnable before) {
        FailOnce f = new FailOnce(point, d -> d == checkpointId, -1, before);
        f.arm();
        return f;
    }

    /** Fails at {@code point} for the first checkpoint (any id but end of input) in subtask {@code subtask} only. */
    static FailOnce atFirstCheckpointInSubtask(FaultPoint point, int subtask) {
        FailOnce f = new FailOnce(point, d -> d != Long.MAX_VALUE, subtask, () -> { });
        f.arm();
        return f;
    }

    void arm() {
        armed.set(true);
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public void at(FaultPoint p, String task, int index, long d) {
        if (p == point && armed.get() && detail.test(d) && (subtask < 0 || subtask == index)
                && fired.compareAndSet(false, true)) {
            before.run();
            throw new FaultInjector.InjectedFailure("injected at " + p + " (" + d + ") in " + task);
        }
    }
}
