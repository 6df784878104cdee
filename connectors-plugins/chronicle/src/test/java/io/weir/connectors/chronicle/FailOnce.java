package io.weir.connectors.chronicle;

import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault injector that throws once, at its point, on the call after {@code skip} calls there since the test
 * {@link #arm armed} it. Thread-safe.
 */
final class FailOnce implements FaultInjector {
    private final FaultPoint point;
    private final long skip;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean fired = new AtomicBoolean();

    FailOnce(FaultPoint point) {
        this(point, 0);
    }

    FailOnce(FaultPoint point, long skip) {
        this.point = point;
        this.skip = skip;
    }

    void arm() {
        armed.set(true);
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public void at(FaultPoint p, String task, int subtask, long detail) {
        if (p == point && armed.get() && detail != Long.MAX_VALUE && calls.getAndIncrement() >= skip
                && fired.compareAndSet(false, true)) {
            throw new FaultInjector.InjectedFailure("injected at " + p + " (" + detail + ") in " + task);
        }
    }
}
