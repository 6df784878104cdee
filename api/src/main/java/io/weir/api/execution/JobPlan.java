package io.weir.api.execution;

import io.weir.api.annotation.Internal;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.graph.SinkTransformation;

import java.util.List;

/**
 * Everything a runtime needs to run a job: its name, its sinks (the plan is reachable from them), the
 * configuration and the codecs.
 *
 * @param jobName       the job's name
 * @param sinks         every sink of the job, in the order they were added
 * @param configuration a copy of the environment's configuration at execute time
 * @param codecs        the environment's codec registry
 */
@Internal
public record JobPlan(String jobName, List<SinkTransformation<?>> sinks, Configuration configuration, CodecRegistry codecs) {
    public JobPlan {
        sinks = List.copyOf(sinks);
    }
}
