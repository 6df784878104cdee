package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;

/**
 * Where a {@link WatermarkGenerator} emits. A watermark lower than or equal to one already emitted is
 * ignored (watermarks only move forward).
 */
@Stable
public interface WatermarkOutput {

    /** Emits the watermark {@code timestamp}; also marks the output active. */
    void emitWatermark(long timestamp);

    /** Marks the output idle: it no longer holds back the watermark downstream until it emits again. */
    void markIdle();

    /** Marks the output active again. */
    void markActive();
}
