package io.weir.runtime.exchange;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

/**
 * The back-pressure half of a {@link ChannelWriter}, shared by both channel kinds: a batch that the
 * channel refuses waits in a producer-local FIFO pending list, and {@link #hasCapacity()} is
 * {@code false} while that list is not empty. Also counts published elements for {@link Channel#size()}.
 *
 * <h2>Thread safety</h2>
 * Everything except {@link #publishedAcquire()} belongs to the producer thread. The published
 * counter is written by the producer with {@code setRelease} and read by any thread with
 * {@code getAcquire}.
 *
 * @param <B> the batch type handed to the consumer
 */
abstract class PendingBatchWriter<B> implements ChannelWriter {

    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(PendingBatchWriter.class, "published", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ArrayDeque<B> pending = new ArrayDeque<>();
    /** Elements handed to the consumer so far; single writer (producer): setRelease / getAcquire. */
    @SuppressWarnings("unused") // accessed through PUBLISHED
    private long published;

    /** Hands {@code batch} to the consumer; {@code false} when the channel is full (nothing happened). */
    abstract boolean offer(B batch);

    /** How many elements {@code batch} holds. */
    abstract int elementCount(B batch);

    /** Publishes {@code batch} behind any pending ones: to the channel if it has room, else to the pending list. */
    final void publish(B batch) {
        if (pending.isEmpty() && offer(batch)) {
            addPublishedRelease(elementCount(batch));
        } else {
            pending.addLast(batch);
        }
    }

    /** Moves pending batches into the channel, in order, while it has room; {@code true} when none is left. */
    final boolean drainPending() {
        B batch;
        while ((batch = pending.peekFirst()) != null) {
            if (!offer(batch)) {
                return false;
            }
            pending.pollFirst();
            addPublishedRelease(elementCount(batch));
        }
        return true;
    }

    @Override
    public final boolean hasCapacity() {
        return pending.isEmpty();
    }

    /** Number of batches waiting for room (tests, diagnostics); producer thread only. */
    final int pendingBatches() {
        return pending.size();
    }

    /** Producer thread only: counts {@code count} more elements as handed to the consumer. */
    final void addPublishedRelease(int count) {
        PUBLISHED.setRelease(this, (long) PUBLISHED.get(this) + count);
    }

    @Override
    public final long published() {
        return (long) PUBLISHED.get(this);
    }

    /** Any thread: elements handed to the consumer so far. */
    final long publishedAcquire() {
        return (long) PUBLISHED.getAcquire(this);
    }
}
