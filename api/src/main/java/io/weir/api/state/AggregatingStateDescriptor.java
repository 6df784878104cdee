package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.functions.AggregateFunction;

/**
 * Describes an {@link AggregatingState}: the aggregate function and the accumulator type (what is
 * stored).
 *
 * <h2>Thread safety</h2>
 * See {@link StateDescriptor}; the function is called from the subtask's thread.
 *
 * @param <IN>  the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
@Stable
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final Class<ACC> accumulatorType;
    private final Codec<ACC> accumulatorCodec;

    /** An aggregating state whose accumulator codec comes from the job's registry for {@code accumulatorType}. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      Class<ACC> accumulatorType) {
        super(name);
        this.aggregateFunction = require(aggregateFunction, "aggregateFunction");
        this.accumulatorType = require(accumulatorType, "accumulatorType");
        this.accumulatorCodec = null;
    }

    /** An aggregating state whose accumulator is encoded with {@code accumulatorCodec}. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
                                      Codec<ACC> accumulatorCodec) {
        super(name);
        this.aggregateFunction = require(aggregateFunction, "aggregateFunction");
        this.accumulatorType = null;
        this.accumulatorCodec = require(accumulatorCodec, "accumulatorCodec");
    }

    /** The function that creates, adds to, reads and merges accumulators. */
    public AggregateFunction<IN, ACC, OUT> aggregateFunction() {
        return aggregateFunction;
    }

    /** The declared accumulator type, or {@code null} when built with a codec. */
    public Class<ACC> accumulatorType() {
        return accumulatorType;
    }

    /** The accumulator codec: the explicit one, or {@code registry}'s for {@link #accumulatorType()}. */
    public Codec<ACC> accumulatorCodec(CodecRegistry registry) {
        return resolve(accumulatorCodec, accumulatorType, registry);
    }

    @Override
    public String kind() {
        return "aggregating";
    }
}
