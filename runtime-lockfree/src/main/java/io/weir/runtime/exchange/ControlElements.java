package io.weir.runtime.exchange;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.weir.runtime.exchange.ElementDescriptor.*;

/**
 * Writes and reads control events in the layout of {@link ElementDescriptor}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
final class ControlElements {

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private ControlElements() {
    }

    /** Writes {@code event} at offset {@code e}; the caller checked that {@link #length} bytes fit. Returns the length. */
    static int write(MemorySegment segment, int e, ControlEvent event) {
        byte tag = tagOf(event);
        segment.set(ValueLayout.JAVA_BYTE, tagOffset(e), tag);
        switch (event) {
            case Watermark w -> segment.set(LONG, watermarkTimestampOffset(e), w.timestamp());
            case CheckpointBarrier b -> {
                segment.set(LONG, barrierCheckpointIdOffset(e), b.checkpointId());
                segment.set(LONG, barrierTriggerTimestampOffset(e), b.triggerTimestamp());
                segment.set(ValueLayout.JAVA_BYTE, barrierSavepointOffset(e), b.savepoint() ? (byte) 1 : (byte) 0);
            }
            case EndOfInput eoi -> {
                // the tag says it all
            }
            case LatencyMarker m -> {
                segment.set(LONG, latencyMarkedNanosOffset(e), m.markedNanos());
                segment.set(INT, latencySourceVertexOffset(e), m.sourceVertexId());
                segment.set(INT, latencySourceSubtaskOffset(e), m.sourceSubtask());
            }
            case WatermarkStatus s -> segment.set(ValueLayout.JAVA_BYTE, watermarkStatusOffset(e),
                    s == WatermarkStatus.IDLE ? STATUS_IDLE : STATUS_ACTIVE);
        }
        return controlLength(tag);
    }

    /** The encoded length of {@code event}. */
    static int length(ControlEvent event) {
        return controlLength(tagOf(event));
    }

    /** Reads the control element with tag {@code tag} at offset {@code e}. */
    static ControlEvent read(MemorySegment segment, int e, byte tag) {
        return switch (tag) {
            case TAG_WATERMARK -> {
                long timestamp = segment.get(LONG, watermarkTimestampOffset(e));
                yield timestamp == Long.MAX_VALUE ? Watermark.MAX : new Watermark(timestamp);
            }
            case TAG_BARRIER -> new CheckpointBarrier(segment.get(LONG, barrierCheckpointIdOffset(e)),
                    segment.get(LONG, barrierTriggerTimestampOffset(e)),
                    segment.get(ValueLayout.JAVA_BYTE, barrierSavepointOffset(e)) != 0);
            case TAG_END_OF_INPUT -> EndOfInput.INSTANCE;
            case TAG_LATENCY_MARKER -> new LatencyMarker(segment.get(LONG, latencyMarkedNanosOffset(e)),
                    segment.get(INT, latencySourceVertexOffset(e)), segment.get(INT, latencySourceSubtaskOffset(e)));
            case TAG_WATERMARK_STATUS -> switch (segment.get(ValueLayout.JAVA_BYTE, watermarkStatusOffset(e))) {
                case STATUS_IDLE -> WatermarkStatus.IDLE;
                case STATUS_ACTIVE -> WatermarkStatus.ACTIVE;
                default -> throw new IllegalStateException("corrupt watermark status at offset " + e);
            };
            default -> throw new IllegalStateException("corrupt element: unknown tag " + tag + " at offset " + e);
        };
    }
}
