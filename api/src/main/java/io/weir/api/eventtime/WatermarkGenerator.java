package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;

/**
 * Generates watermarks from the records it sees (per-event) and on a processing-time period
 * ({@code pipeline.auto-watermark-interval}, default 200 ms, as Flink).
 *
 * <h2>Thread safety</h2>
 * One instance per parallel subtask, called from its thread only.
 *
 * @param <T> record type
 */
@Stable
public interface WatermarkGenerator<T> {

    /** Called for every record with its (assigned) timestamp; may emit a watermark. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically; may emit a watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
