package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;

/**
 * A tasklet as one worker thread runs it: {@link Tasklet#init()} once before the first call, and a
 * failure (any {@link Throwable} from {@code init()} or {@code call()}) reported to the context exactly
 * once, after which the tasklet counts as {@link ProgressState#DONE} and is never called again. A
 * {@code null} result from {@code call()} is such a failure too.
 *
 * <h2>Thread safety</h2>
 * Confined to the worker thread that owns it.
 */
final class GuardedTasklet {
    private final Tasklet tasklet;
    private final SchedulerContext context;
    private boolean initialized;

    GuardedTasklet(Tasklet tasklet, SchedulerContext context) {
        this.tasklet = tasklet;
        this.context = context;
    }

    /**
     * Initialises the tasklet on the first step, then calls it once. Returns {@code DONE} when the
     * tasklet finished or failed; the caller must not step it again after that.
     */
    ProgressState step() {
        try {
            if (!initialized) {
                initialized = true;
                tasklet.init();
            }
            ProgressState state = tasklet.call();
            if (state == null) {
                throw new IllegalStateException("tasklet '" + tasklet.name() + "' returned null from call()");
            }
            return state;
        } catch (Throwable failure) {
            context.reportFailure(tasklet, failure);
            return ProgressState.DONE;
        }
    }

    @Override
    public String toString() {
        return tasklet.name();
    }
}
