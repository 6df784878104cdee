package io.weir.runtime.operators.window;

import io.weir.api.windowing.Window;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;

/** A custom trigger that fires on every record and does not support merging. */
final class NonMergingTrigger implements Trigger<Object, Window> {
    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
    }
}
