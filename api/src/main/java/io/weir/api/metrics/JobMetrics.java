package io.weir.api.metrics;

import io.weir.api.annotation.Stable;

import java.util.List;

/**
 * A snapshot of a job's metrics, readable while it runs and after it ends.
 *
 * @param operators one entry per operator per subtask
 * @param channels  one entry per channel
 * @param workers   one entry per scheduler thread
 */
@Stable
public record JobMetrics(List<OperatorMetrics> operators, List<ChannelMetrics> channels, List<WorkerMetrics> workers) {

    public JobMetrics {
        operators = List.copyOf(operators);
        channels = List.copyOf(channels);
        workers = List.copyOf(workers);
    }

    /** An empty snapshot (before a job starts). */
    public static JobMetrics empty() {
        return new JobMetrics(List.of(), List.of(), List.of());
    }

    /** Records received by the operator named {@code operatorName}, summed over its subtasks. */
    public long recordsIn(String operatorName) {
        return operators.stream().filter(o -> o.operatorName().equals(operatorName)).mapToLong(OperatorMetrics::recordsIn).sum();
    }

    /** Late records dropped by the operator named {@code operatorName}, summed over its subtasks. */
    public long lateRecordsDropped(String operatorName) {
        return operators.stream().filter(o -> o.operatorName().equals(operatorName))
                .mapToLong(OperatorMetrics::lateRecordsDropped).sum();
    }

    /** Records emitted by the operator named {@code operatorName}, summed over its subtasks. */
    public long recordsOut(String operatorName) {
        return operators.stream().filter(o -> o.operatorName().equals(operatorName)).mapToLong(OperatorMetrics::recordsOut).sum();
    }
}
