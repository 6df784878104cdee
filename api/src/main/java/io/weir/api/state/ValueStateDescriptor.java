package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;

/**
 * Describes a {@link ValueState}.
 *
 * <h2>Thread safety</h2>
 * See {@link StateDescriptor}.
 *
 * @param <T> the value type
 */
@Stable
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>> {
    private final Class<T> type;
    private final Codec<T> codec;

    /** A value state whose codec comes from the job's registry for {@code type}. */
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name);
        this.type = require(type, "type");
        this.codec = null;
    }

    /** A value state encoded with {@code codec}. */
    public ValueStateDescriptor(String name, Codec<T> codec) {
        super(name);
        this.type = null;
        this.codec = require(codec, "codec");
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
        return "value";
    }
}
