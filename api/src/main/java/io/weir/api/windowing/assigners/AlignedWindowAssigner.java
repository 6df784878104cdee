package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.windowing.TimeWindow;

/**
 * An assigner of fixed-length time windows aligned to the epoch: every key sees the same windows, each
 * window is {@link #size()} long and window starts are {@code offset() + k * slide()} for every integer
 * {@code k}. Tumbling windows have {@code slide() == size()}. The runtime uses this shape to share
 * partial aggregates between overlapping windows (window slicing).
 *
 * @param <T> record type
 */
@Evolving
public interface AlignedWindowAssigner<T> extends WindowAssigner<T, TimeWindow> {

    /** Window length in milliseconds (positive). */
    long size();

    /** Distance between the starts of consecutive windows in milliseconds (positive). */
    long slide();

    /** Shift of the window starts from the epoch in milliseconds ({@code |offset| < slide}). */
    long offset();
}
