package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

/**
 * Creates {@link StateBackend}s. Discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.weir.spi.state.StateBackendFactory}); a job selects one by
 * {@link #name()} with the {@code state.backend} option ({@code io.weir.api.config.StateOptions}).
 *
 * <h2>Thread safety</h2>
 * Must be thread-safe: {@link #create} may be called from any thread, concurrently.
 */
@Evolving
public interface StateBackendFactory {

    /** The unique name used in configuration, such as {@code "heap"}. Lower case, no spaces. */
    String name();

    /** A one-line description shown by {@code weir plugins}. */
    default String description() {
        return name();
    }

    /**
     * A new backend configured from {@code configuration} (the job's, where the backend reads its own
     * options). The caller closes it.
     *
     * @throws IllegalArgumentException if an option of the backend is invalid (naming it)
     */
    StateBackend create(Configuration configuration);
}
