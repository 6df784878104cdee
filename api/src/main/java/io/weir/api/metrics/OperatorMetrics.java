package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

/**
 * Counters of one operator in one subtask.
 *
 * @param operatorName the operator's name
 * @param subtask      subtask index
 * @param recordsIn    records the operator received
 * @param recordsOut   records it emitted (main output and side outputs)
 */
@Stable
public record OperatorMetrics(String operatorName, int subtask, long recordsIn, long recordsOut) {
}
