package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;

/**
 * Describes a {@link ListState}.
 *
 * <h2>Thread safety</h2>
 * See {@link StateDescriptor}.
 *
 * @param <T> the element type
 */
@Stable
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>> {
    private final Class<T> elementType;
    private final Codec<T> elementCodec;

    /** A list state whose element codec comes from the job's registry for {@code elementType}. */
    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name);
        this.elementType = require(elementType, "elementType");
        this.elementCodec = null;
    }

    /** A list state whose elements are encoded with {@code elementCodec}. */
    public ListStateDescriptor(String name, Codec<T> elementCodec) {
        super(name);
        this.elementType = null;
        this.elementCodec = require(elementCodec, "elementCodec");
    }

    /** The declared element type, or {@code null} when built with a codec. */
    public Class<T> elementType() {
        return elementType;
    }

    /** The element codec: the explicit one, or {@code registry}'s for {@link #elementType()}. */
    public Codec<T> elementCodec(CodecRegistry registry) {
        return resolve(elementCodec, elementType, registry);
    }

    @Override
    public String kind() {
        return "list";
    }
}
