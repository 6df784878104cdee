package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

/**
 * Counters of one operator in one subtask.
 *
 * @param operatorName       the operator's name
 * @param subtask            subtask index
 * @param recordsIn          records the operator received
 * @param recordsOut         records it emitted (main output and side outputs)
 * @param lateRecordsDropped late records it dropped (windows without a late-data side output, interval joins)
 */
@Stable
public record OperatorMetrics(String operatorName, int subtask, long recordsIn, long recordsOut, long lateRecordsDropped) {

    /** Counters of an operator that drops nothing. */
    public OperatorMetrics(String operatorName, int subtask, long recordsIn, long recordsOut) {
        this(operatorName, subtask, recordsIn, recordsOut, 0);
    }
}
