package io.weir.runtime.timers;

import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;

/**
 * One {@link InternalTimerService}: an event-time and a processing-time {@link TimerStore} of the
 * state backend, and the {@link Triggerable} to call. Fired by {@link TimerServices}.
 *
 * @param <N> the namespace type
 */
final class TimerServiceImpl<N> implements InternalTimerService<N> {
    private final String name;
    private final TimerServices services;
    final TimerStore<N> eventTimers;
    final TimerStore<N> processingTimers;
    final Triggerable<N> target;

    TimerServiceImpl(String name, TimerServices services, TimerStore<N> eventTimers, TimerStore<N> processingTimers,
                     Triggerable<N> target) {
        this.name = name;
        this.services = services;
        this.eventTimers = eventTimers;
        this.processingTimers = processingTimers;
        this.target = target;
    }

    @Override
    public long currentWatermark() {
        return services.currentWatermark();
    }

    @Override
    public long currentProcessingTime() {
        return services.currentProcessingTime();
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        eventTimers.add(requireKey(namespace), time);
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(requireKey(namespace), time);
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        processingTimers.add(requireKey(namespace), time);
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(requireKey(namespace), time);
    }

    private N requireKey(N namespace) {
        if (namespace == null) {
            throw new NullPointerException("timer service '" + name + "': the namespace of a timer must not be null");
        }
        if (services.keyContext().currentKey() == null) {
            throw new IllegalStateException("timer service '" + name + "' of operator '" + services.operatorName()
                    + "': timers can be registered and deleted only for a current key, while processing a record"
                    + " or a timer of a keyed stream");
        }
        services.keyContext().bindCurrentKey(); // the timer stores read the backend's key and key group
        return namespace;
    }

    /** Fires the earliest event-time timer if it is {@code <= watermark}; whether one fired. */
    boolean fireEventTimer(long watermark) {
        TimerEntry<N> entry = eventTimers.poll(watermark);
        if (entry == null) {
            return false;
        }
        services.keyContext().setCurrentKey(entry.key());
        target.onEventTime(new InternalTimer<>(entry.timestamp(), entry.key(), entry.namespace()));
        return true;
    }

    /** Fires the earliest processing-time timer if it is {@code <= now}; whether one fired. */
    boolean fireProcessingTimer(long now) {
        TimerEntry<N> entry = processingTimers.poll(now);
        if (entry == null) {
            return false;
        }
        services.keyContext().setCurrentKey(entry.key());
        target.onProcessingTime(new InternalTimer<>(entry.timestamp(), entry.key(), entry.namespace()));
        return true;
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TimerService[" + name + ", event=" + eventTimers.size() + ", processing=" + processingTimers.size() + "]";
    }
}
