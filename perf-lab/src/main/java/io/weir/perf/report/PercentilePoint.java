package io.weir.perf.report;

/**
 * One row of a percentile distribution: {@code percentile} (0..1) of the results took at most {@code micros}.
 *
 * @param percentile the quantile, in {@code [0, 1]}
 * @param micros     latency, microseconds
 */
public record PercentilePoint(double percentile, double micros) {
}
