package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

import java.util.Objects;

/**
 * Declares a {@link ValueStore}: one value per (key, namespace).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param name           the store's name
 * @param namespaceCodec encodes namespaces
 * @param valueCodec     encodes values (never asked to encode null)
 * @param <N>            the namespace type
 * @param <V>            the value type
 */
@Evolving
public record ValueStoreSpec<N, V>(String name, Codec<N> namespaceCodec, Codec<V> valueCodec) implements StoreSpec {

    public ValueStoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
        Objects.requireNonNull(valueCodec, "valueCodec");
    }
}
