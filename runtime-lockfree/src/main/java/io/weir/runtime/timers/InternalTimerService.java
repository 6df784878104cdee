package io.weir.runtime.timers;

/**
 * The timers of one keyed operator, as Flink's {@code InternalTimerService}. A timer is
 * (current key, namespace, timestamp): registering the same one twice keeps one, deleting one that is
 * not there does nothing. Event-time timers fire when the watermark reaches their timestamp
 * ({@code timestamp <= watermark}), processing-time timers when the clock does; timers fire in
 * timestamp order across keys, namespaces and the operator's timer services. A timer registered for a
 * time already passed fires at the next advance (within the current advance, when registered from a
 * timer callback).
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: use it from the task's thread only. Registering and deleting need a current key
 * ({@link IllegalStateException} otherwise).
 *
 * @param <N> the namespace type
 */
public interface InternalTimerService<N> {

    /** The last watermark given to the state manager, {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();

    /** The processing-time clock, now. */
    long currentProcessingTime();

    /** Registers an event-time timer for the current key. */
    void registerEventTimeTimer(N namespace, long time);

    /** Deletes an event-time timer of the current key, if it is there. */
    void deleteEventTimeTimer(N namespace, long time);

    /** Registers a processing-time timer for the current key. */
    void registerProcessingTimeTimer(N namespace, long time);

    /** Deletes a processing-time timer of the current key, if it is there. */
    void deleteProcessingTimeTimer(N namespace, long time);
}
