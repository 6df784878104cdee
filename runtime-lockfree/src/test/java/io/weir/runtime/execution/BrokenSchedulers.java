package io.weir.runtime.execution;

import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.scheduler.Tasklet;

import java.time.Duration;
import java.util.List;

/** Schedulers with bugs, registered for tests only: the runtime must fail the job, never hang. */
public final class BrokenSchedulers {
    private BrokenSchedulers() {
    }

    /** Accepts the tasklets and never runs any. */
    public static final class NeverRuns implements SchedulerFactory {
        @Override
        public String name() {
            return "test-never-runs";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return new Scheduler() {
                @Override
                public void start(List<Tasklet> tasklets) {
                }

                @Override
                public void stop() {
                }

                @Override
                public boolean awaitTermination(Duration timeout) {
                    return true;
                }
            };
        }
    }

    /** Throws when asked to start. */
    public static final class ThrowsOnStart implements SchedulerFactory {
        @Override
        public String name() {
            return "test-throws-on-start";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return new Scheduler() {
                @Override
                public void start(List<Tasklet> tasklets) {
                    throw new IllegalStateException("broken on purpose");
                }

                @Override
                public void stop() {
                }

                @Override
                public boolean awaitTermination(Duration timeout) {
                    return true;
                }
            };
        }
    }
}
