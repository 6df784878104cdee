package io.weir.proptest.faults;

import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures to inject, in order: failure {@code i} fires at the {@code after}-th call at its
 * {@link FaultPoint} counted from the moment failure {@code i - 1} fired (from the start for the first),
 * so a small {@code after} lands in the recovery from the previous failure.
 *
 * @param failures the failures, at most a handful
 */
public record FailureSchedule(List<Failure> failures) implements java.io.Serializable {
    public FailureSchedule {
        failures = List.copyOf(failures);
    }

    /** No failures. */
    public static FailureSchedule none() {
        return new FailureSchedule(List.of());
    }

    /**
     * One failure.
     *
     * @param point where
     * @param after at which call to that point (from 1), counted since the previous failure fired
     */
    public record Failure(FaultPoint point, long after) implements java.io.Serializable {
        public Failure {
            if (after < 1) {
                throw new IllegalArgumentException("after counts calls from 1: " + after);
            }
        }
    }

    /**
     * A fresh injector that follows this schedule (and counts what fired). It skips the commit of the
     * end-of-input transactions that is not covered by a final checkpoint ({@code DURING_COMMIT} with
     * checkpoint id {@link Long#MAX_VALUE}, only in jobs that cannot restart from a checkpoint). A job that
     * can restart takes a final checkpoint once every task reached the end of its input (as Flink's
     * FLIP-147) and commits its final transactions on that checkpoint's id, which this injector does fail;
     * see {@link #injectorIncludingFinalCommit()}.
     */
    public Injector injector() {
        return new Injector(failures, false);
    }

    /** An injector that also fails the commit of the end-of-input transactions with id {@link Long#MAX_VALUE}. */
    public Injector injectorIncludingFinalCommit() {
        return new Injector(failures, true);
    }

    /**
     * Throws {@link FaultInjector.InjectedFailure} as the schedule says.
     *
     * <h2>Thread safety</h2>
     * Thread-safe (atomics); under concurrent schedulers the count is per call, in whatever order calls
     * happen.
     */
    public static final class Injector implements FaultInjector {
        private final List<Failure> failures;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLong calls = new AtomicLong();

        private final boolean finalCommit;

        Injector(List<Failure> failures, boolean finalCommit) {
            this.failures = failures;
            this.finalCommit = finalCommit;
        }

        @Override
        public void at(FaultPoint point, String task, int subtask, long detail) {
            int index = next.get();
            if (index >= failures.size()) {
                return;
            }
            Failure f = failures.get(index);
            if (f.point() != point || (!finalCommit && point == FaultPoint.DURING_COMMIT && detail == Long.MAX_VALUE)) {
                return;
            }
            if (calls.incrementAndGet() == f.after() && next.compareAndSet(index, index + 1)) {
                calls.set(0);
                throw new InjectedFailure("injected failure " + (index + 1) + " of " + failures.size() + " at " + point
                        + " (call " + f.after() + ") in " + task + " #" + subtask + ", detail " + detail);
            }
        }

        /** How many failures have fired so far. */
        public int fired() {
            return next.get();
        }
    }
}
