package io.weir.runtime.timers;

import io.weir.spi.state.TimerStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The timer services of one keyed operator subtask, and the firing logic across them: advancing the
 * watermark (or processing time) fires every due timer of every service in timestamp order (ties: the
 * service registered first, then the store's order), one at a time, re-reading the queues after each
 * callback, so that a timer a callback registers (or deletes) is seen at once: a newly due timer fires
 * within the same advance, as in Flink.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the task's thread only.
 */
public final class TimerServices {
    private final String operatorName;
    private final KeyContext keyContext;
    private final LongSupplier processingClock;
    private final List<TimerServiceImpl<?>> services = new ArrayList<>();
    private long currentWatermark = Long.MIN_VALUE;
    private Runnable progressListener = () -> { };
    private long fired;

    /**
     * @param operatorName    for messages
     * @param keyContext      sets the key of each firing timer
     * @param processingClock processing time in epoch milliseconds
     */
    public TimerServices(String operatorName, KeyContext keyContext, LongSupplier processingClock) {
        this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
        this.keyContext = Objects.requireNonNull(keyContext, "keyContext");
        this.processingClock = Objects.requireNonNull(processingClock, "processingClock");
    }

    /**
     * The service named {@code name} over the two stores, created on first use; asking again with the
     * same target returns the same service.
     *
     * @throws IllegalStateException if {@code name} is already used with another target
     */
    @SuppressWarnings("unchecked")
    public <N> InternalTimerService<N> service(String name, TimerStore<N> eventTimers, TimerStore<N> processingTimers,
                                               Triggerable<N> target) {
        Objects.requireNonNull(target, "target");
        for (TimerServiceImpl<?> s : services) {
            if (s.name().equals(name)) {
                if (s.target != target) {
                    throw new IllegalStateException("operator '" + operatorName + "': timer service '" + name
                            + "' already exists with another target");
                }
                return (InternalTimerService<N>) s;
            }
        }
        TimerServiceImpl<N> s = new TimerServiceImpl<>(name, this, eventTimers, processingTimers, target);
        services.add(s);
        return s;
    }

    /** Sets the watermark, then fires every event-time timer {@code <= watermark} in timestamp order. */
    public void advanceWatermark(long watermark) {
        currentWatermark = watermark;
        TimerServiceImpl<?> next;
        while ((next = earliest(true, watermark)) != null) {
            next.fireEventTimer(watermark);
            countFired();
        }
    }

    /** Fires every processing-time timer {@code <= now} in timestamp order. */
    public void advanceProcessingTime(long now) {
        TimerServiceImpl<?> next;
        while ((next = earliest(false, now)) != null) {
            next.fireProcessingTimer(now);
            countFired();
        }
    }

    /** Reports progress every 1,024 timers fired: firing can take long (a million windows at one watermark). */
    private void countFired() {
        if ((++fired & 1023) == 0) {
            progressListener.run();
        }
    }

    /** Where firing reports progress (the task's watchdog heartbeat). */
    public void setProgressListener(Runnable listener) {
        this.progressListener = Objects.requireNonNull(listener, "listener");
    }

    /** Reports progress now. */
    public void reportProgress() {
        progressListener.run();
    }

    /** The service whose earliest timer of the kind is due by {@code upTo} and earliest of all, or null. */
    private TimerServiceImpl<?> earliest(boolean eventTime, long upTo) {
        TimerServiceImpl<?> next = null;
        long earliest = Long.MAX_VALUE;
        for (int i = 0, n = services.size(); i < n; i++) {
            TimerServiceImpl<?> s = services.get(i);
            TimerStore<?> store = eventTime ? s.eventTimers : s.processingTimers;
            if (store.size() > 0) {
                long t = store.peekTimestamp(); // a timer may be at Long.MAX_VALUE: size() tells it from "none"
                if (next == null || t < earliest) {
                    earliest = t;
                    next = s;
                }
            }
        }
        return next != null && earliest <= upTo ? next : null;
    }

    /** The earliest pending processing-time timer, or {@link Long#MAX_VALUE}. */
    public long nextProcessingTimeTimer() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0, n = services.size(); i < n; i++) {
            earliest = Math.min(earliest, services.get(i).processingTimers.peekTimestamp());
        }
        return earliest;
    }

    /** The earliest pending event-time timer, or {@link Long#MAX_VALUE}. */
    public long nextEventTimeTimer() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0, n = services.size(); i < n; i++) {
            earliest = Math.min(earliest, services.get(i).eventTimers.peekTimestamp());
        }
        return earliest;
    }

    /** The last watermark given to {@link #advanceWatermark}, {@code Long.MIN_VALUE} before the first. */
    public long currentWatermark() {
        return currentWatermark;
    }

    /** The processing-time clock, now. */
    public long currentProcessingTime() {
        return processingClock.getAsLong();
    }

    KeyContext keyContext() {
        return keyContext;
    }

    String operatorName() {
        return operatorName;
    }
}
