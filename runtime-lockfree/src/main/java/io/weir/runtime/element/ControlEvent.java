package io.weir.runtime.element;

/** An in-band event that is not a record. Channels publish a pending batch as soon as one is written. */
public sealed interface ControlEvent extends StreamElement
        permits Watermark, CheckpointBarrier, EndOfInput, LatencyMarker, WatermarkStatus {
}
