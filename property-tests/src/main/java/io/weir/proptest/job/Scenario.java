package io.weir.proptest.job;

import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.pipeline.Pipeline;

/**
 * One generated trial: a pipeline, how to run it and what fails. {@link #toString()} is Java source that
 * rebuilds it, so that a shrunk counterexample pastes into a regression example.
 *
 * @param pipeline the pipeline (with its inputs)
 * @param config   the run configuration
 * @param failures the failure schedule
 */
public record Scenario(Pipeline pipeline, RunConfig config, FailureSchedule failures) implements java.io.Serializable {

    @Override
    public String toString() {
        return JavaSource.of(this);
    }
}
