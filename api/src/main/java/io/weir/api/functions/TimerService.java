package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Timers of a keyed process function, scoped to the current key. A timer is identified by (key,
 * timestamp, domain): registering it again does nothing, so each fires once. Event-time timers fire when
 * the watermark reaches their timestamp, processing-time timers when the job's clock does, in timestamp
 * order, with the timer's key as the current key.
 */
@Stable
public interface TimerService {

    /** The job's processing time (epoch ms). */
    long currentProcessingTime();

    /** The operator's current watermark ({@code Long.MIN_VALUE} before the first). */
    long currentWatermark();

    /** Registers an event-time timer for the current key. */
    void registerEventTimeTimer(long time);

    /** Registers a processing-time timer for the current key. */
    void registerProcessingTimeTimer(long time);

    /** Deletes an event-time timer of the current key, if registered. */
    void deleteEventTimeTimer(long time);

    /** Deletes a processing-time timer of the current key, if registered. */
    void deleteProcessingTimeTimer(long time);
}
