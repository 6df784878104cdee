package io.weir.runtime.exchange;

import org.jctools.queues.SpscUnboundedArrayQueue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The pool of fixed-size off-heap buffers of one serialized channel. The producer thread takes
 * buffers ({@link #acquire()}), the consumer thread gives them back ({@link #release}) through a
 * JCTools {@link SpscUnboundedArrayQueue} of free buffers: single producer (the consumer thread,
 * releasing) and single consumer (the producer thread, acquiring).
 *
 * <p>The first {@code initialBuffers} buffers are slices of one slab allocated up front from a
 * shared {@link Arena}. When the producer needs more (a burst beyond the channel's capacity is
 * pending, see {@link ChannelWriter}), the pool grows by one buffer at a time, allocated from the
 * same arena; grown buffers stay in the pool until {@link #close()}, which frees all of them.
 * In steady state nothing is allocated: buffers and queue slots are reused.
 *
 * <p>The consumer finds a buffer by the index it read from the ring buffer, in a registry array that
 * only the producer writes. A new entry is written before its index is published through the ring
 * buffer (release/acquire), and a grown registry array is published with {@code setRelease} and
 * read with {@code getAcquire}.
 *
 * <h2>Thread safety</h2>
 * {@link #acquire()} and {@link #allocatedBuffers()}: the producer thread only. {@link #bufferAcquire}
 * and {@link #release}: the consumer thread only. {@link #close()} and {@link #isAlive()}: any
 * thread; close only after both sides stopped (accesses afterwards throw {@link IllegalStateException}).
 */
final class SpscBufferPool implements AutoCloseable {

    /** Alignment of every buffer: a cache line, so that two buffers never share one. */
    static final long BUFFER_ALIGNMENT = 64;
    static final int BUFFER_ALIGNMENT_INT = (int) BUFFER_ALIGNMENT;

    private static final VarHandle REGISTRY;
    private static final VarHandle CLOSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REGISTRY = lookup.findVarHandle(SpscBufferPool.class, "registry", SegmentBuffer[].class);
            CLOSED = lookup.findVarHandle(SpscBufferPool.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Arena arena = Arena.ofShared();
    private final int bufferSize;
    private final int initialBuffers;
    private final MemorySegment slab;
    private final SpscUnboundedArrayQueue<SegmentBuffer> free;
    /** index -> buffer; written by the producer only (setRelease when replaced), read by the consumer (getAcquire). */
    @SuppressWarnings({"unused", "FieldMayBeFinal"}) // accessed through REGISTRY
    private SegmentBuffer[] registry;
    /** Buffers created so far; producer only. */
    private int allocated;
    @SuppressWarnings("unused") // accessed through CLOSED
    private boolean closed;

    SpscBufferPool(int bufferSize, int initialBuffers) {
        if (bufferSize <= 0 || initialBuffers <= 0) {
            throw new IllegalArgumentException("bufferSize and initialBuffers must be > 0: " + bufferSize + ", "
                    + initialBuffers);
        }
        this.bufferSize = bufferSize;
        this.initialBuffers = initialBuffers;
        this.slab = arena.allocate((long) bufferSize * initialBuffers, BUFFER_ALIGNMENT);
        this.registry = new SegmentBuffer[initialBuffers];
        // a chunk holds every initial buffer, so the free queue links no new chunk unless the pool grew
        this.free = new SpscUnboundedArrayQueue<>(Math.max(16, Integer.highestOneBit(initialBuffers) << 2));
    }

    /** Producer thread: a buffer that no one else holds, reused if one was released, otherwise new. */
    SegmentBuffer acquire() {
        SegmentBuffer buffer = free.poll();
        return buffer != null ? buffer : allocate();
    }

    /** Consumer thread: the buffer whose index was read from the ring buffer. */
    SegmentBuffer bufferAcquire(int index) {
        SegmentBuffer[] buffers = (SegmentBuffer[]) REGISTRY.getAcquire(this);
        return buffers[index];
    }

    /** Consumer thread: gives a buffer back once every byte of it has been read. */
    void release(SegmentBuffer buffer) {
        free.offer(buffer); // unbounded: never refuses
    }

    /** Producer thread: how many buffers exist (initial slab included once the slab's slices are used). */
    int allocatedBuffers() {
        return allocated;
    }

    int bufferSize() {
        return bufferSize;
    }

    /** Any thread: {@code false} once the off-heap memory has been freed. */
    boolean isAlive() {
        return arena.scope().isAlive();
    }

    /** Any thread: throws {@link IllegalStateException} naming {@code channel} once the pool is closed. */
    void checkOpen(String channel) {
        if (!isAlive()) {
            throw new IllegalStateException("channel " + channel + " is closed");
        }
    }

    /** Frees every buffer. Idempotent; call only once producer and consumer have stopped. */
    @Override
    public void close() {
        if (CLOSED.compareAndSet(this, false, true)) {
            arena.close();
        }
    }

    private SegmentBuffer allocate() {
        int index = allocated;
        MemorySegment segment = index < initialBuffers
                ? slab.asSlice((long) index * bufferSize, bufferSize)
                : arena.allocate(bufferSize, BUFFER_ALIGNMENT);
        SegmentBuffer buffer = new SegmentBuffer(index, segment);
        SegmentBuffer[] buffers = (SegmentBuffer[]) REGISTRY.get(this); // own field: plain read
        if (index < buffers.length) {
            buffers[index] = buffer; // published to the consumer by the ring-buffer commit of this index
        } else {
            SegmentBuffer[] grown = Arrays.copyOf(buffers, buffers.length * 2);
            grown[index] = buffer;
            REGISTRY.setRelease(this, grown);
        }
        allocated = index + 1;
        return buffer;
    }
}
