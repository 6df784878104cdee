package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.Window;

import java.util.Objects;

/**
 * Turns every {@link TriggerResult#FIRE} of a nested trigger into {@link TriggerResult#FIRE_AND_PURGE},
 * as Flink's {@code PurgingTrigger}: the window's contents are dropped after each evaluation.
 *
 * @param <T> record type
 * @param <W> window type
 */
@Evolving
public final class PurgingTrigger<T, W extends Window> implements Trigger<T, W> {
    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = Objects.requireNonNull(nested, "nested trigger");
    }

    /** Purges on every fire of {@code nested}. */
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nested) {
        return new PurgingTrigger<>(nested);
    }

    /** The wrapped trigger. */
    public Trigger<T, W> nested() {
        return nested;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onProcessingTime(time, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nested.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nested.clear(window, ctx);
    }

    private static TriggerResult purgeOnFire(TriggerResult result) {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
