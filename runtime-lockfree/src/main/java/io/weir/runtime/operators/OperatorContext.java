package io.weir.runtime.operators;

import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.RuntimeContext;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What an operator gets when it opens: where it runs, its main output and its side outputs, and the
 * processing-time clock. Also the {@link RuntimeContext} handed to rich user functions.
 *
 * @param jobName        the job's name
 * @param operatorName   the operator's name
 * @param subtaskIndex   this subtask's index
 * @param parallelism    the operator's parallelism
 * @param maxParallelism the number of key groups
 * @param output         the main output
 * @param sideOutputs    the side outputs that have consumers, by tag id
 * @param clock          processing time in epoch milliseconds
 */
public record OperatorContext(String jobName, String operatorName, int subtaskIndex, int parallelism,
                              int maxParallelism, Output output, Map<String, Output> sideOutputs,
                              LongSupplier clock) implements RuntimeContext {

    public OperatorContext {
        sideOutputs = Map.copyOf(sideOutputs);
    }

    /** The consumer of side output {@code tag}, or {@link Output#NONE} when nobody reads it (as in Flink). */
    public Output sideOutput(OutputTag<?> tag) {
        return sideOutputs.getOrDefault(tag.id(), Output.NONE);
    }
}
