package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;

import java.time.Duration;

/**
 * Flink's bounded out-of-orderness generator: periodically emits {@code maxTimestamp - bound - 1},
 * where {@code maxTimestamp} is the highest timestamp seen so far. Emits nothing before the first record.
 *
 * @param <T> record type
 */
@Stable
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("max out-of-orderness must not be negative: " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // start so that the first periodic emit before any record yields Long.MIN_VALUE (no progress)
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - outOfOrdernessMillis - 1);
    }
}
