package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.Window;

/**
 * Never fires: the default trigger of {@code GlobalWindows}, which need a custom trigger to produce
 * anything (Flink's {@code GlobalWindows.NeverTrigger}).
 *
 * @param <W> window type
 */
@Evolving
public final class NeverTrigger<W extends Window> implements Trigger<Object, W> {
    private static final NeverTrigger<?> INSTANCE = new NeverTrigger<>();

    private NeverTrigger() {
    }

    /** The trigger that never fires. */
    @SuppressWarnings("unchecked")
    public static <W extends Window> NeverTrigger<W> create() {
        return (NeverTrigger<W>) INSTANCE;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
    }

    @Override
    public String toString() {
        return "NeverTrigger()";
    }
}
