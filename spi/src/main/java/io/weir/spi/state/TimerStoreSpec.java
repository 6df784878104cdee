package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

import java.util.Objects;

/**
 * Declares a {@link TimerStore}: timers (key, namespace, timestamp) ordered by timestamp.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param name           the store's name, unique among the backend's timer stores
 * @param namespaceCodec encodes namespaces
 * @param <N>            the namespace type
 */
@Evolving
public record TimerStoreSpec<N>(String name, Codec<N> namespaceCodec) implements StoreSpec {

    public TimerStoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
    }
}
