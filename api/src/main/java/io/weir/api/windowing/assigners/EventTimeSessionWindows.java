package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Event-time session windows: a record with timestamp {@code t} opens {@code [t, t + gap)}, and the
 * windows of a key merge while they intersect, so a session closes once no record arrived for a gap.
 * A late record within the allowed lateness can bridge two sessions into one.
 *
 * @param <T> record type (only relevant for a dynamic gap)
 */
@Evolving
public final class EventTimeSessionWindows<T> extends SessionWindows<T> {

    private EventTimeSessionWindows(long gap, SessionWindowTimeGapExtractor<T> extractor) {
        super(gap, extractor, "EventTimeSessionWindows");
    }

    /** Sessions that close after {@code gap} without records (positive). */
    public static EventTimeSessionWindows<Object> withGap(Duration gap) {
        return new EventTimeSessionWindows<>(AssignerArgs.millis(gap, "gap"), null);
    }

    /** Sessions whose gap after each record is chosen by {@code extractor}. */
    public static <T> EventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new EventTimeSessionWindows<>(0, Objects.requireNonNull(extractor, "extractor"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
        return sessionFrom(element, AssignerArgs.requireTimestamp(timestamp, this));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<T, TimeWindow> defaultTrigger() {
        return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return describe("EventTimeSessionWindows");
    }
}
