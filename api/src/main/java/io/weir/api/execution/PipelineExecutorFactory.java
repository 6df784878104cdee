package io.weir.api.execution;

import io.weir.api.annotation.Internal;

/** Found through {@link java.util.ServiceLoader}: the runtime module registers one named {@code "local"}. */
@Internal
public interface PipelineExecutorFactory {
    String name();

    PipelineExecutor create();
}
