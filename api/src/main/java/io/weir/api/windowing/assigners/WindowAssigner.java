package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.triggers.Trigger;

import java.util.Collection;

/**
 * Assigns each record to zero or more windows, as Flink's {@code WindowAssigner}. Called on the
 * subtask's thread for every record of a windowed stream, with the record's key set as the current key.
 * An assigner holds no mutable state: one instance serves every subtask.
 *
 * @param <T> record type
 * @param <W> window type
 */
@Evolving
public interface WindowAssigner<T, W extends Window> {

    /**
     * The windows {@code element} belongs to. {@code timestamp} is the record's event timestamp
     * ({@code Long.MIN_VALUE} when it has none; event-time assigners refuse such records with an
     * {@link IllegalStateException}).
     */
    Collection<W> assignWindows(T element, long timestamp, Context context);

    /** The trigger used when the windowed stream sets none. */
    Trigger<T, W> defaultTrigger();

    /** {@code true} when windows are measured in event time (watermarks), {@code false} for processing time. */
    boolean isEventTime();

    /** The codec of this assigner's windows (window state and timers are addressed by window). */
    Codec<W> windowCodec();

    /** What an assigner may ask while it assigns. */
    @FunctionalInterface
    interface Context {

        /** The current processing time in epoch milliseconds, from the job's clock. */
        long currentProcessingTime();
    }
}
