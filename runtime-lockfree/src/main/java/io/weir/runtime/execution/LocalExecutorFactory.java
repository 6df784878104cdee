package io.weir.runtime.execution;

import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;

/** Registers the local, in-process runtime with {@code StreamEnvironment} (ServiceLoader name {@code "local"}). */
public final class LocalExecutorFactory implements PipelineExecutorFactory {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public PipelineExecutor create() {
        return plan -> JobRun.start(plan);
    }
}
