package io.weir.api.functions;

import io.weir.api.annotation.Stable;
import io.weir.api.datastream.OutputTag;

/**
 * A process function on a keyed stream: keyed state through {@link RuntimeContext} (scoped to the current
 * key), timers through {@link Context#timerService()}, side outputs. {@link #onTimer} runs with the timer's
 * key as the current key, so it sees that key's state. Lifecycle as {@link RichFunction}.
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@Stable
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
    private RuntimeContext runtimeContext;

    @Override
    public void open(RuntimeContext context) throws Exception {
        this.runtimeContext = context;
    }

    /** The context given to {@link #open}: state access for the current key. */
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("the runtime context is available from open() on; if you override open, call super.open(context)");
        }
        return runtimeContext;
    }

    /** Processes one record of the current key. */
    public abstract void processElement(I value, Context<K> context, Collector<O> out) throws Exception;

    /** A timer of the current key fired. */
    public void onTimer(long timestamp, OnTimerContext<K> context, Collector<O> out) throws Exception {
    }

    /** Per-record context. */
    @Stable
    public interface Context<K> {

        /** The record's timestamp (or, in {@code onTimer}, the timer's), or {@code null} when it has none. */
        Long timestamp();

        /** Timers and time. */
        TimerService timerService();

        /** Emits to a side output. */
        <X> void output(OutputTag<X> tag, X value);

        /** The key of the current record or timer. */
        K getCurrentKey();
    }

    /** Context of a firing timer. */
    @Stable
    public interface OnTimerContext<K> extends Context<K> {

        /** The firing timer's domain. */
        TimeDomain timeDomain();
    }
}
