package io.weir.state.heap;

import io.weir.api.config.Configuration;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.StateBackendFactory;

/**
 * The {@code heap} state backend, registered with {@link java.util.ServiceLoader}: keyed state is
 * kept as Java objects (no serialization on access), in one hash map per key group and store, and
 * timers in a binary heap with a hash set per key group for deduplication.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #create} may be called from any thread.
 */
public final class HeapStateBackendFactory implements StateBackendFactory {

    /** The name to select this backend with {@code state.backend}. */
    public static final String NAME = "heap";

    /** For {@link java.util.ServiceLoader}. */
    public HeapStateBackendFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "keyed state as objects on the JVM heap, hash maps per key group";
    }

    @Override
    public StateBackend create(Configuration configuration) {
        return new HeapStateBackend();
    }
}
