package io.weir.runtime.operators.window;

import io.weir.api.state.MapState;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.MergingWindowAssigner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight windows of the current key of a merging assigner, as Flink's {@code MergingWindowSet}:
 * each window maps to its state window, the namespace where its contents live. When windows merge the
 * result keeps the state window of one of them, so only the others' state has to be merged into it;
 * the mapping is keyed state ({@code MapState<window, state window>}), so it follows the current key
 * and is checkpointed with the rest.
 */
final class MergingWindowSet {
    private final MergingWindowAssigner<Object, Window> assigner;
    private final MapState<Window, Window> mapping;

    MergingWindowSet(MergingWindowAssigner<Object, Window> assigner, MapState<Window, Window> mapping) {
        this.assigner = assigner;
        this.mapping = mapping;
    }

    /** The state window of an in-flight {@code window}, or {@code null} when it is not in flight. */
    Window stateWindow(Window window) {
        return mapping.get(window);
    }

    /** Removes {@code window} from the set (its state was cleaned up). */
    void retireWindow(Window window) {
        if (!mapping.contains(window)) {
            throw new IllegalStateException("window " + window + " is not in the in-flight window set");
        }
        mapping.remove(window);
    }

    /** The in-flight windows of the current key (a copy). */
    List<Window> windows() {
        List<Window> windows = new ArrayList<>();
        for (Window w : mapping.keys()) {
            windows.add(w);
        }
        return windows;
    }

    /**
     * Adds {@code newWindow}, merging it (and any windows it bridges) with the in-flight windows; returns
     * the window it ended up in. {@code mergeFunction} hears every merge before the mapping is final:
     * the merge result, the merged in-flight windows, the state window the result keeps, and the state
     * windows whose contents must be merged into it. A new window that only extends itself into an
     * in-flight one is not reported as a merge of that window into itself.
     */
    Window addWindow(Window newWindow, MergeFunction mergeFunction) throws Exception {
        List<Window> windows = windows();
        windows.add(newWindow);
        Map<Window, Collection<Window>> mergeResults = new LinkedHashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> mergeResults.put(mergeResult, new HashSet<>(toBeMerged)));

        Window resultWindow = newWindow;
        boolean mergedNewWindow = false;
        for (Map.Entry<Window, Collection<Window>> c : mergeResults.entrySet()) {
            Window mergeResult = c.getKey();
            Collection<Window> mergedWindows = c.getValue();
            if (mergedWindows.remove(newWindow)) {
                mergedNewWindow = true;
                resultWindow = mergeResult;
            }
            // the merge result keeps the state window of any one merged window
            Window mergedStateWindow = mapping.get(mergedWindows.iterator().next());
            List<Window> mergedStateWindows = new ArrayList<>();
            for (Window merged : mergedWindows) {
                Window stateWindow = mapping.get(merged);
                if (stateWindow != null) {
                    mapping.remove(merged);
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, mergedStateWindow);
            mergedStateWindows.remove(mergedStateWindow);
            if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
                mergeFunction.merge(mergeResult, mergedWindows, mergedStateWindow, mergedStateWindows);
            }
        }
        if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
            mapping.put(resultWindow, resultWindow);
        }
        return resultWindow;
    }

    /** Hears a merge of in-flight windows. */
    @FunctionalInterface
    interface MergeFunction {
        void merge(Window mergeResult, Collection<Window> mergedWindows, Window stateWindowResult,
                   Collection<Window> mergedStateWindows) throws Exception;
    }
}
