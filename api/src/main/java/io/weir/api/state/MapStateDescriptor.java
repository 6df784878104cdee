package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;

/**
 * Describes a {@link MapState}.
 *
 * <h2>Thread safety</h2>
 * See {@link StateDescriptor}.
 *
 * @param <K> the map key type
 * @param <V> the map value type
 */
@Stable
public final class MapStateDescriptor<K, V> extends StateDescriptor<MapState<K, V>> {
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;

    /** A map state whose codecs come from the job's registry for the two types. */
    public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
        super(name);
        this.keyType = require(keyType, "keyType");
        this.valueType = require(valueType, "valueType");
        this.keyCodec = null;
        this.valueCodec = null;
    }

    /** A map state encoded with the given codecs ({@code valueCodec} need not accept null: the runtime wraps it). */
    public MapStateDescriptor(String name, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(name);
        this.keyType = null;
        this.valueType = null;
        this.keyCodec = require(keyCodec, "keyCodec");
        this.valueCodec = require(valueCodec, "valueCodec");
    }

    /** The declared map key type, or {@code null} when built with codecs. */
    public Class<K> keyType() {
        return keyType;
    }

    /** The declared map value type, or {@code null} when built with codecs. */
    public Class<V> valueType() {
        return valueType;
    }

    /** The map key codec: the explicit one, or {@code registry}'s for {@link #keyType()}. */
    public Codec<K> keyCodec(CodecRegistry registry) {
        return resolve(keyCodec, keyType, registry);
    }

    /** The map value codec: the explicit one, or {@code registry}'s for {@link #valueType()}. */
    public Codec<V> valueCodec(CodecRegistry registry) {
        return resolve(valueCodec, valueType, registry);
    }

    @Override
    public String kind() {
        return "map";
    }
}
