package io.weir.perf.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code throughput.csv}: what happened in one elapsed second of a run.
 *
 * @param second      the second, from 0
 * @param events      events generated in it
 * @param sinkRecords results the sink saw in it
 */
@JsonPropertyOrder({"second", "events", "sinkRecords"})
public record ThroughputRow(long second, long events, long sinkRecords) {
}
