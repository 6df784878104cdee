package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.functions.ReduceFunction;

/**
 * Describes a {@link ReducingState}: the function that combines values and the value type.
 *
 * <h2>Thread safety</h2>
 * See {@link StateDescriptor}; the function is called from the subtask's thread.
 *
 * @param <T> the value type
 */
@Stable
public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>> {
    private final ReduceFunction<T> reduceFunction;
    private final Class<T> type;
    private final Codec<T> codec;

    /** A reducing state whose codec comes from the job's registry for {@code type}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        super(name);
        this.reduceFunction = require(reduceFunction, "reduceFunction");
        this.type = require(type, "type");
        this.codec = null;
    }

    /** A reducing state encoded with {@code codec}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Codec<T> codec) {
        super(name);
        this.reduceFunction = require(reduceFunction, "reduceFunction");
        this.type = null;
        this.codec = require(codec, "codec");
    }

    /** The function that combines the stored value with an added one. */
    public ReduceFunction<T> reduceFunction() {
        return reduceFunction;
    }

    /** The declared value type, or {@code null} when built with a codec. */
    public Class<T> type() {
        return type;
    }

    /** The value codec: the explicit one, or {@code registry}'s for {@link #type()}. */
    public Codec<T> codec(CodecRegistry registry) {
        return resolve(codec, type, registry);
    }

    @Override
    public String kind() {
        return "reducing";
    }
}
