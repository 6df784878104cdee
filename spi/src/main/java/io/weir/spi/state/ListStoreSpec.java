package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

import java.util.Objects;

/**
 * Declares a {@link ListStore}: a list of elements per (key, namespace).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param name           the store's name
 * @param namespaceCodec encodes namespaces
 * @param elementCodec   encodes one element (never asked to encode null)
 * @param <N>            the namespace type
 * @param <E>            the element type
 */
@Evolving
public record ListStoreSpec<N, E>(String name, Codec<N> namespaceCodec, Codec<E> elementCodec) implements StoreSpec {

    public ListStoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
        Objects.requireNonNull(elementCodec, "elementCodec");
    }
}
