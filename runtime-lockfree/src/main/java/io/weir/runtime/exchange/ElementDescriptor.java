package io.weir.runtime.exchange;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;

/**
 * The binary layout of elements inside a serialized-exchange buffer, and of the ring-buffer message
 * that hands a filled buffer to the consumer. Multi-byte fields are in the platform's native byte
 * order and unaligned; elements follow each other without padding. Offsets are relative to the
 * buffer; {@code e} is the offset of an element's tag byte.
 *
 * <pre>
 *   Every element starts with a one-byte tag:
 *     0                   1                   2                   3
 *     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |      Tag      |  fields of that tag ...                       |
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *   TAG_RECORD            e+0 tag | e+1 timestamp (long) | e+9 body length N (int) | e+13 body (N bytes, the codec's)
 *   TAG_WATERMARK         e+0 tag | e+1 timestamp (long)                                              =  9 bytes
 *   TAG_BARRIER           e+0 tag | e+1 checkpoint id (long) | e+9 trigger timestamp (long)
 *                                 | e+17 savepoint (byte, 0 or 1)                                     = 18 bytes
 *   TAG_END_OF_INPUT      e+0 tag                                                                     =  1 byte
 *   TAG_LATENCY_MARKER    e+0 tag | e+1 marked nanos (long) | e+9 source vertex (int)
 *                                 | e+13 source subtask (int)                                         = 17 bytes
 *   TAG_WATERMARK_STATUS  e+0 tag | e+1 status (byte: STATUS_IDLE or STATUS_ACTIVE)                   =  2 bytes
 *
 *   Ring-buffer message (type MSG_TYPE_BUFFER, MESSAGE_LENGTH bytes, m = message offset):
 *    +---------------------------------------------------------------+
 *    |                 m+0 buffer index in the pool (int)            |
 *    +---------------------------------------------------------------+
 *    |                 m+4 bytes used in that buffer (int)           |
 *    +---------------------------------------------------------------+
 * </pre>
 *
 * <h2>Thread safety</h2>
 * Constants and pure functions only.
 */
public final class ElementDescriptor {

    /** A user record: timestamp, body length, body. */
    public static final byte TAG_RECORD = 1;
    /** A {@link Watermark}. */
    public static final byte TAG_WATERMARK = 2;
    /** A {@link CheckpointBarrier}. */
    public static final byte TAG_BARRIER = 3;
    /** {@link EndOfInput#INSTANCE}. */
    public static final byte TAG_END_OF_INPUT = 4;
    /** A {@link LatencyMarker}. */
    public static final byte TAG_LATENCY_MARKER = 5;
    /** A {@link WatermarkStatus}. */
    public static final byte TAG_WATERMARK_STATUS = 6;

    /** {@link WatermarkStatus#IDLE} in a watermark-status element. */
    public static final byte STATUS_IDLE = 0;
    /** {@link WatermarkStatus#ACTIVE} in a watermark-status element. */
    public static final byte STATUS_ACTIVE = 1;

    /** Bytes before a record's body. */
    public static final int RECORD_HEADER_LENGTH = 13;
    public static final int WATERMARK_LENGTH = 9;
    public static final int BARRIER_LENGTH = 18;
    public static final int END_OF_INPUT_LENGTH = 1;
    public static final int LATENCY_MARKER_LENGTH = 17;
    public static final int WATERMARK_STATUS_LENGTH = 2;
    /** The longest control element: every buffer must hold at least this many bytes. */
    public static final int MAX_CONTROL_LENGTH = BARRIER_LENGTH;

    /** Agrona message type of a "buffer filled" message. */
    public static final int MSG_TYPE_BUFFER = 1;
    /** Length of a "buffer filled" message body. */
    public static final int MESSAGE_LENGTH = 8;

    private ElementDescriptor() {
    }

    public static int tagOffset(int e) {
        return e;
    }

    public static int recordTimestampOffset(int e) {
        return e + 1;
    }

    public static int recordBodyLengthOffset(int e) {
        return e + 9;
    }

    public static int recordBodyOffset(int e) {
        return e + RECORD_HEADER_LENGTH;
    }

    public static int watermarkTimestampOffset(int e) {
        return e + 1;
    }

    public static int barrierCheckpointIdOffset(int e) {
        return e + 1;
    }

    public static int barrierTriggerTimestampOffset(int e) {
        return e + 9;
    }

    public static int barrierSavepointOffset(int e) {
        return e + 17;
    }

    public static int latencyMarkedNanosOffset(int e) {
        return e + 1;
    }

    public static int latencySourceVertexOffset(int e) {
        return e + 9;
    }

    public static int latencySourceSubtaskOffset(int e) {
        return e + 13;
    }

    public static int watermarkStatusOffset(int e) {
        return e + 1;
    }

    public static int messageBufferIndexOffset(int m) {
        return m;
    }

    public static int messageBufferLengthOffset(int m) {
        return m + 4;
    }

    /** The tag that encodes {@code event}. */
    public static byte tagOf(ControlEvent event) {
        return switch (event) {
            case Watermark w -> TAG_WATERMARK;
            case CheckpointBarrier b -> TAG_BARRIER;
            case EndOfInput eoi -> TAG_END_OF_INPUT;
            case LatencyMarker m -> TAG_LATENCY_MARKER;
            case WatermarkStatus s -> TAG_WATERMARK_STATUS;
        };
    }

    /** The encoded length of a control element with tag {@code tag}, tag byte included. */
    public static int controlLength(byte tag) {
        return switch (tag) {
            case TAG_WATERMARK -> WATERMARK_LENGTH;
            case TAG_BARRIER -> BARRIER_LENGTH;
            case TAG_END_OF_INPUT -> END_OF_INPUT_LENGTH;
            case TAG_LATENCY_MARKER -> LATENCY_MARKER_LENGTH;
            case TAG_WATERMARK_STATUS -> WATERMARK_STATUS_LENGTH;
            default -> throw new IllegalArgumentException("not a control tag: " + tag);
        };
    }
}
