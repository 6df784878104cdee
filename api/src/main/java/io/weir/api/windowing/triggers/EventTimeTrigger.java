package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;

/**
 * Fires once the watermark passes the end of the window (its {@code maxTimestamp()}), as Flink's
 * {@code EventTimeTrigger}; a record added to a window the watermark already passed (a late record
 * within the allowed lateness) fires the window at once. The default trigger of event-time assigners.
 */
@Evolving
public final class EventTimeTrigger implements Trigger<Object, TimeWindow> {
    private static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

    private EventTimeTrigger() {
    }

    /** The event-time trigger. */
    public static EventTimeTrigger create() {
        return INSTANCE;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.currentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext ctx) {
        // only register a timer if the watermark is not yet past the end of the merged window:
        // otherwise the window fires on the element that caused the merge
        if (window.maxTimestamp() > ctx.currentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger()";
    }
}
