package io.weir.api.functions;

import io.weir.api.annotation.Stable;
import io.weir.api.datastream.OutputTag;

/**
 * Processes one joined pair of an interval join: records {@code left} and {@code right} with equal keys
 * whose timestamps satisfy {@code left.ts + lower <= right.ts <= left.ts + upper}. Lifecycle as
 * {@link RichFunction}.
 *
 * @param <L> left record type
 * @param <R> right record type
 * @param <O> output type
 */
@Stable
public abstract class ProcessJoinFunction<L, R, O> implements RichFunction {

    /** Processes one pair; the output's timestamp is the larger of the two. */
    public abstract void processElement(L left, R right, Context context, Collector<O> out) throws Exception;

    /** Context of one joined pair. */
    @Stable
    public interface Context {
        /** The left record's timestamp. */
        long leftTimestamp();

        /** The right record's timestamp. */
        long rightTimestamp();

        /** The timestamp of the emitted records: {@code max(leftTimestamp, rightTimestamp)}. */
        long timestamp();

        /** Emits to a side output. */
        <X> void output(OutputTag<X> tag, X value);
    }
}
