package io.weir.runtime.element;

/** Emitted by a source at {@code markedNanos}; sinks record how long it took to reach them. */
public record LatencyMarker(long markedNanos, int sourceVertexId, int sourceSubtask) implements ControlEvent {
}
