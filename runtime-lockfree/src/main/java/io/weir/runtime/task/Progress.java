package io.weir.runtime.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Progress a task reports from inside one long call (a watermark that fires a million windows), so that
 * the job's watchdog tells a long but working call from a stuck one: the watchdog sees {@link #ticks()}
 * change, as it sees the scheduler's calls change.
 *
 * <h2>Thread safety</h2>
 * One writer (the task's thread, {@link #tick}); any thread may read {@link #ticks} (opaque: no ordering
 * is needed, only that the value eventually shows).
 */
public final class Progress {
    private static final VarHandle TICKS;

    static {
        try {
            TICKS = MethodHandles.lookup().findVarHandle(Progress.class, "ticks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through TICKS
    private long ticks;

    /** Reports progress; the task's thread only. */
    public void tick() {
        TICKS.setOpaque(this, (long) TICKS.getOpaque(this) + 1);
    }

    /** Progress reported so far. */
    public long ticks() {
        return (long) TICKS.getOpaque(this);
    }
}
