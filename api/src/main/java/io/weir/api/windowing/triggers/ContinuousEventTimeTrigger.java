package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.Window;

import java.time.Duration;
import java.util.Objects;

/**
 * Fires every {@code interval} of event time while the window is open, and once more when the
 * watermark passes the window's end, as Flink's {@code ContinuousEventTimeTrigger} (since FLINK-20443):
 * the first fire time is the record's timestamp rounded down to the interval plus the interval, each
 * later one an interval after the previous, never past the window's {@code maxTimestamp()}. The next
 * fire time is trigger state "fire-time" (the minimum wins when windows merge).
 *
 * @param <W> window type
 */
@Evolving
public final class ContinuousEventTimeTrigger<W extends Window> implements Trigger<Object, W> {
    private final ContinuousFireTime fireTime;

    private ContinuousEventTimeTrigger(long interval) {
        this.fireTime = new ContinuousFireTime("ContinuousEventTimeTrigger", interval, true);
    }

    /** Fires every {@code interval} of event time (positive). */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(Objects.requireNonNull(interval, "interval").toMillis());
    }

    /** The interval in milliseconds. */
    public long interval() {
        return fireTime.interval();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.currentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        fireTime.scheduleFirst(timestamp, window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        if (time == window.maxTimestamp() || fireTime.fireAt(time, window, ctx)) {
            return TriggerResult.FIRE;
        }
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
        fireTime.merge(ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        fireTime.clear(ctx);
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval() + ")";
    }
}
