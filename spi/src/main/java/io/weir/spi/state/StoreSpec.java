package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

/**
 * Declares one store of a {@link KeyedStateBackend}: its name (unique per kind within the backend:
 * one column family on RocksDB) and the codecs of what it holds, so that a backend may keep
 * everything serialized (laid out as {@code keyGroup | key | namespace [| mapKey]}). The heap backend
 * keeps objects and ignores the codecs.
 *
 * <h2>Thread safety</h2>
 * Immutable records; codecs are thread-safe by {@link Codec}'s contract.
 */
@Evolving
public sealed interface StoreSpec permits ValueStoreSpec, ListStoreSpec, MapStoreSpec, TimerStoreSpec {

    /** The store's name. */
    String name();

    /** Encodes the namespaces of the store. */
    Codec<?> namespaceCodec();
}
