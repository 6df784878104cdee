package io.weir.runtime.operators.window;

import io.weir.api.state.AppendingState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.runtime.state.NamespacedState;

import java.util.Collection;

/**
 * The general window operator, with the behaviour of Flink's {@code WindowOperator}: each record is
 * added to the contents of every window the assigner gives it (reducing, aggregating or list state in
 * the window's namespace), then the trigger decides whether the window fires and/or purges. Windows
 * of merging assigners go through a {@link MergingWindowSet}: contents, trigger state and timers of
 * merged windows are merged into the result, including when a late record bridges two sessions.
 *
 * <p>Lateness: a record is dropped from every window whose cleanup time
 * ({@code maxTimestamp + allowedLateness}) the watermark reached; a record no window takes is late
 * data. Within the lateness the trigger sees the record as usual ({@code EventTimeTrigger} fires the
 * window again at once with the updated contents). Each window has a cleanup timer at its cleanup
 * time (processing time: {@code maxTimestamp}) that removes its contents, trigger state and the
 * process window function's per-window state.
 */
public final class WindowOperator extends AbstractWindowOperator {
    private NamespacedState<Window, AppendingState<Object, Object>> windowState;
    private WindowTriggerContext triggerContext;
    private MergingWindowSet mergingWindows;
    private final boolean bufferedContents;

    public WindowOperator(WindowDefinition definition) {
        super(definition);
        this.bufferedContents = definition.function() instanceof WindowFunctionSpec.Process;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void openState() {
        windowState = (NamespacedState<Window, AppendingState<Object, Object>>) (NamespacedState<Window, ?>)
                keyedState.namespacedState(functions.contentsDescriptor(definition.inputType(), codecs()), windowCodec);
        triggerContext = new WindowTriggerContext(definition.trigger(), keyedState, timers, windowCodec);
        if (assigner instanceof MergingWindowAssigner<?, ?> merging) {
            mergingWindows = new MergingWindowSet((MergingWindowAssigner<Object, Window>) merging,
                    keyedState.getMapState(new MapStateDescriptor<>("merging-window-set", windowCodec, windowCodec)));
        }
    }

    @Override
    protected void processElement(Object key, Object value, long timestamp) throws Exception {
        Collection<Window> windows = assigner.assignWindows(value, timestamp, assignerContext);
        boolean skipped = true;
        for (Window window : windows) {
            Window actualWindow = window;
            Window stateWindow = window;
            if (mergingWindows != null) {
                actualWindow = mergingWindows.addWindow(window, this::merge);
                if (isWindowLate(actualWindow)) {
                    mergingWindows.retireWindow(actualWindow);
                    continue;
                }
                stateWindow = mergingWindows.stateWindow(actualWindow);
                if (stateWindow == null) {
                    throw new IllegalStateException("window " + actualWindow + " is not in the in-flight window set");
                }
            } else if (isWindowLate(window)) {
                continue;
            }
            skipped = false;
            windowState.setNamespace(stateWindow);
            windowState.state().add(value);
            TriggerResult result = triggerContext.at(actualWindow).onElement(value, timestamp);
            if (result.isFire()) {
                Object contents = contents();
                if (contents == null) {
                    continue;
                }
                emitWindow(key, actualWindow, contents);
            }
            if (result.isPurge()) {
                windowState.setNamespace(stateWindow);
                windowState.state().clear();
            }
            registerCleanupTimer(actualWindow);
        }
        if (skipped) {
            handleSkippedRecord(value, timestamp);
        }
    }

    /** Windows merged: trigger state and timers move to the result, contents merge into its state window. */
    private void merge(Window mergeResult, Collection<Window> mergedWindows, Window stateWindowResult,
                       Collection<Window> mergedStateWindows) throws Exception {
        if (eventTime && mergeResult.maxTimestamp() + allowedLateness <= currentWatermark()) {
            throw new UnsupportedOperationException("the end of an event-time window cannot become earlier than the "
                    + "current watermark by merging: watermark " + currentWatermark() + ", window " + mergeResult);
        }
        if (!eventTime && mergeResult.maxTimestamp() <= currentProcessingTime()) {
            throw new UnsupportedOperationException("the end of a processing-time window cannot become earlier than the "
                    + "current processing time by merging: processing time " + currentProcessingTime() + ", window " + mergeResult);
        }
        triggerContext.at(mergeResult).onMerge(mergedWindows);
        for (Window merged : mergedWindows) {
            triggerContext.at(merged).clear();
            deleteCleanupTimer(merged);
        }
        windowState.mergeNamespaces(stateWindowResult, mergedStateWindows);
    }

    @Override
    protected void onTimer(Object key, Window window, long time, boolean eventTimeTimer) throws Exception {
        Window stateWindow = window;
        if (mergingWindows != null) {
            stateWindow = mergingWindows.stateWindow(window);
            if (stateWindow == null) {
                // a timer of a window that merged away or was cleaned up: its trigger state is gone already
                return;
            }
        }
        windowState.setNamespace(stateWindow);
        TriggerResult result = eventTimeTimer
                ? triggerContext.at(window).onEventTime(time)
                : triggerContext.at(window).onProcessingTime(time);
        if (result.isFire()) {
            Object contents = contents();
            if (contents != null) {
                emitWindow(key, window, contents);
            }
        }
        windowState.setNamespace(stateWindow);
        if (result.isPurge()) {
            windowState.state().clear();
        }
        if (isCleanupTime(window, time, eventTimeTimer)) {
            clearAllState(window);
        }
    }

    /** Removes everything of {@code window}: contents, trigger state and timers, per-window function state. */
    private void clearAllState(Window window) throws Exception {
        windowState.state().clear();
        triggerContext.at(window).clear();
        clearWindowFunction(window);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    /** The contents of the current namespace, or {@code null} when there are none (an empty list counts as none). */
    private Object contents() {
        Object contents = windowState.state().get();
        if (bufferedContents && !((Iterable<?>) contents).iterator().hasNext()) {
            return null;
        }
        return contents;
    }
}
