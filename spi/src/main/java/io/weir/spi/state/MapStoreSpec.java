package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

import java.util.Objects;

/**
 * Declares a {@link MapStore}: a map per (key, namespace).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param name           the store's name
 * @param namespaceCodec encodes namespaces
 * @param mapKeyCodec    encodes map keys (never null)
 * @param mapValueCodec  encodes map values; must accept null (values may be null)
 * @param <N>            the namespace type
 * @param <K>            the map key type
 * @param <V>            the map value type
 */
@Evolving
public record MapStoreSpec<N, K, V>(String name, Codec<N> namespaceCodec, Codec<K> mapKeyCodec,
                                    Codec<V> mapValueCodec) implements StoreSpec {

    public MapStoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
        Objects.requireNonNull(mapKeyCodec, "mapKeyCodec");
        Objects.requireNonNull(mapValueCodec, "mapValueCodec");
    }
}
