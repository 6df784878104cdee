package io.weir.runtime.element;

/**
 * Event time has reached {@code timestamp}: no record with a timestamp {@code <= timestamp} is
 * expected any more (Flink's semantics). {@link #MAX} ends event time when a bounded input ends.
 */
public record Watermark(long timestamp) implements ControlEvent {
    public static final Watermark MAX = new Watermark(Long.MAX_VALUE);
}
