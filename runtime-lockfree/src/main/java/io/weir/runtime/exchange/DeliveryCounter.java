package io.weir.runtime.exchange;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the elements a {@link ChannelReader} delivered, for {@link Channel#size()}.
 *
 * <h2>Thread safety</h2>
 * Single writer: only the consumer thread calls {@link #addRelease}; any thread may call
 * {@link #getAcquire}.
 */
final class DeliveryCounter {

    private static final VarHandle DELIVERED;

    static {
        try {
            DELIVERED = MethodHandles.lookup().findVarHandle(DeliveryCounter.class, "delivered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through DELIVERED
    private long delivered;

    /** Consumer thread only. */
    void addRelease(int count) {
        if (count != 0) {
            DELIVERED.setRelease(this, (long) DELIVERED.get(this) + count);
        }
    }

    /** Any thread. */
    long getAcquire() {
        return (long) DELIVERED.getAcquire(this);
    }

    /**
     * Elements published by {@code writer} and not yet counted here; never negative. Reads the
     * delivered count first so that a concurrent delivery can only make the answer larger, then clamps
     * the short window in which an element is delivered before its publication is counted.
     */
    long pendingAfter(PendingBatchWriter<?> writer) {
        long delivered = getAcquire();
        return Math.max(0, writer.publishedAcquire() - delivered);
    }
}
