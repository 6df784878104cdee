package io.weir.runtime.element;

/** Marks the cut of checkpoint {@code checkpointId} in the stream (aligned barrier snapshots). */
public record CheckpointBarrier(long checkpointId, long triggerTimestamp, boolean savepoint) implements ControlEvent {
}
