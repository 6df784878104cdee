package io.weir.api.functions;

import io.weir.api.annotation.Stable;
import io.weir.api.datastream.OutputTag;

/**
 * The most general per-record function: sees each record with its timestamp and may emit to the main
 * output and to side outputs ({@link OutputTag}). Lifecycle as {@link RichFunction}.
 *
 * @param <I> input type
 * @param <O> main output type
 */
@Stable
public abstract class ProcessFunction<I, O> implements RichFunction {

    /** Processes one record. {@code context} and {@code out} are valid only during this call. */
    public abstract void processElement(I value, Context context, Collector<O> out) throws Exception;

    /** Per-record context. */
    @Stable
    public interface Context {

        /** The record's event timestamp, or {@code null} when it has none. */
        Long timestamp();

        /** The current event-time watermark of this subtask ({@code Long.MIN_VALUE} before the first). */
        long currentWatermark();

        /** The current processing time in epoch milliseconds, from the job's clock. */
        long currentProcessingTime();

        /** Emits {@code value} to the side output named by {@code tag}. */
        <X> void output(OutputTag<X> tag, X value);
    }
}
