package io.weir.runtime.execution;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.scheduler.IdleStrategies;
import io.weir.spi.scheduler.IdleStrategy;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.Tasklet;
import io.weir.spi.scheduler.WorkerProbe;

/** The {@link SchedulerContext} of one attempt of a job: failures are reported to that attempt. */
final class RunSchedulerContext implements SchedulerContext {
    private final JobRun run;
    private final Attempt attempt;

    RunSchedulerContext(JobRun run, Attempt attempt) {
        this.run = run;
        this.attempt = attempt;
    }

    @Override
    public String jobName() {
        return run.jobName();
    }

    @Override
    public Configuration configuration() {
        return run.configuration();
    }

    @Override
    public int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public IdleStrategy newIdleStrategy() {
        return IdleStrategies.create(run.configuration().get(ExecutionOptions.IDLE_STRATEGY));
    }

    @Override
    public WorkerProbe registerWorker(String workerName) {
        return run.probes().register(workerName);
    }

    @Override
    public void reportFailure(Tasklet tasklet, Throwable cause) {
        run.taskletFailed(attempt, tasklet, cause);
    }
}
