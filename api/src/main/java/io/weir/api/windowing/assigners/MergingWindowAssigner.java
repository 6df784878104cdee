package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.Window;

import java.util.Collection;

/**
 * A {@link WindowAssigner} whose windows can merge (session windows). After each assignment the
 * operator asks it to merge the windows of the current key; the contents, trigger state and timers
 * of merged windows are combined into the merge result. Triggers used with it must support merging.
 *
 * @param <T> record type
 * @param <W> window type
 */
@Evolving
public interface MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    /**
     * Finds the windows among {@code windows} that merge and reports each group, with the window it
     * becomes, to {@code callback}. Groups of one window are not reported.
     */
    void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /**
     * Hears the groups of windows that merge.
     *
     * @param <W> window type
     */
    @FunctionalInterface
    interface MergeCallback<W> {

        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
