package io.weir.api.windowing.functions;

import io.weir.api.annotation.Evolving;
import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.RichFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.Window;

/**
 * Evaluates a window: sees the key, the window, its contents and state, as Flink's
 * {@code ProcessWindowFunction}. Called each time the window's trigger fires, with every record of the
 * window (or, combined with an incremental {@code reduce}/{@code aggregate}, with the single
 * pre-aggregated result). Results carry the window's {@code maxTimestamp()} as their timestamp.
 * Lifecycle as {@link RichFunction}.
 *
 * <h2>Thread safety</h2>
 * Called only from the subtask's thread; the context and collector are valid only during the call.
 *
 * @param <IN>  input type (the records, or the pre-aggregated result)
 * @param <OUT> output type
 * @param <KEY> key type
 * @param <W>   window type
 */
@Evolving
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> implements RichFunction {

    /** Evaluates the window of {@code key}; {@code elements} is never empty. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /**
     * The window is being removed (its cleanup time passed): delete what this function kept in
     * {@link Context#windowState()}. Does nothing by default.
     */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} and {@link #clear} see about the window. Valid only during the call. */
    public abstract class Context {

        /** The window being evaluated. */
        public abstract W window();

        /** The current processing time in epoch milliseconds. */
        public abstract long currentProcessingTime();

        /** The current event-time watermark ({@code Long.MIN_VALUE} before the first). */
        public abstract long currentWatermark();

        /**
         * Keyed state scoped to the current key and this window: it lives until the window is cleaned
         * up, and {@link #clear} must delete it. Not available with merging (session) windows: throws
         * {@link UnsupportedOperationException}, as in Flink.
         */
        public abstract KeyedStateStore windowState();

        /** Keyed state of the current key shared by all windows (plain keyed state). */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output named by {@code tag}. */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
