package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Processing-time session windows: a record arriving at processing time {@code now} opens
 * {@code [now, now + gap)}, and the windows of a key merge while they intersect.
 *
 * @param <T> record type (only relevant for a dynamic gap)
 */
@Evolving
public final class ProcessingTimeSessionWindows<T> extends SessionWindows<T> {

    private ProcessingTimeSessionWindows(long gap, SessionWindowTimeGapExtractor<T> extractor) {
        super(gap, extractor, "ProcessingTimeSessionWindows");
    }

    /** Sessions that close after {@code gap} without records (positive). */
    public static ProcessingTimeSessionWindows<Object> withGap(Duration gap) {
        return new ProcessingTimeSessionWindows<>(AssignerArgs.millis(gap, "gap"), null);
    }

    /** Sessions whose gap after each record is chosen by {@code extractor}. */
    public static <T> ProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new ProcessingTimeSessionWindows<>(0, Objects.requireNonNull(extractor, "extractor"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
        return sessionFrom(element, context.currentProcessingTime());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<T, TimeWindow> defaultTrigger() {
        return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return describe("ProcessingTimeSessionWindows");
    }
}
