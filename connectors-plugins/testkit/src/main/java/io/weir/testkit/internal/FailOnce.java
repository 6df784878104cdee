package io.weir.testkit.internal;

import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Throws one {@link FaultInjector.InjectedFailure} at the first call at {@code point} after the kit
 * {@link #arm armed} it (end-of-input commits, with detail {@code Long.MAX_VALUE}, excluded), and tells the
 * instrumented source that later readers belong to the restored run.
 *
 * <h2>Thread safety</h2>
 * Called from task threads concurrently: atomics only.
 */
public final class FailOnce implements FaultInjector {
    private final FaultPoint point;
    private final Runnable onFire;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean fired = new AtomicBoolean();

    public FailOnce(FaultPoint point, Runnable onFire) {
        this.point = point;
        this.onFire = onFire;
    }

    public void arm() {
        armed.set(true);
    }

    public boolean fired() {
        return fired.get();
    }

    public FaultPoint point() {
        return point;
    }

    @Override
    public void at(FaultPoint p, String task, int subtask, long detail) {
        if (p == point && armed.get() && detail != Long.MAX_VALUE && fired.compareAndSet(false, true)) {
            onFire.run();
            throw new InjectedFailure("connector test kit: failure injected at " + p + " in " + task + " #" + subtask);
        }
    }
}
