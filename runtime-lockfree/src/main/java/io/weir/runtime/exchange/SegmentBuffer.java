package io.weir.runtime.exchange;

import java.lang.foreign.MemorySegment;

/**
 * One fixed-size off-heap buffer of a {@link SpscBufferPool}, identified by its index in the pool
 * (the index is what crosses the ring buffer).
 *
 * <h2>Thread safety</h2>
 * {@link #index} and {@link #segment} are final. The bytes of the segment, {@link #length} and
 * {@link #elements} belong to whichever side holds the buffer: the producer from
 * {@link SpscBufferPool#acquire()} until the ring-buffer commit, the consumer from the ring-buffer
 * read until {@link SpscBufferPool#release}. {@link #length} and {@link #elements} are only used by
 * the producer (the consumer takes the length from the ring message).
 */
final class SegmentBuffer {

    final int index;
    final MemorySegment segment;
    /** Bytes written; producer only. */
    int length;
    /** Elements written; producer only. */
    int elements;

    SegmentBuffer(int index, MemorySegment segment) {
        this.index = index;
        this.segment = segment;
    }

    @Override
    public String toString() {
        return "SegmentBuffer[" + index + ", " + segment.byteSize() + " bytes]";
    }
}
