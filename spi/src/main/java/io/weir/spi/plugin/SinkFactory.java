package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;

/**
 * Builds a {@link Sink} from string-keyed configuration, such as
 * {@code sink = files, path = /tmp/out}. Discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.weir.spi.plugin.SinkFactory}, on the class path or in a plugin jar);
 * selected by {@link #name()} with the key {@value #SELECTOR}. The name, description and options are
 * declared by the parent {@link ConnectorFactory}.
 *
 * <p>Contract: the caller validates the configuration with {@link ConnectorOptions#validate} (or
 * {@link #validateAndCreate}) before {@link #create}, so {@code create} may assume that every required
 * option is present, no unknown key is set and every value parses as its option's type. {@code create}
 * reads values only through the declared options ({@code configuration.get(option)}). The key
 * {@value #SELECTOR} itself is not an option.
 *
 * <h2>Thread safety</h2>
 * Must be thread-safe: {@link #create} may be called from any thread, concurrently. The plugin loader
 * calls it with the thread's context class loader set to the plugin's class loader.
 */
@Evolving
public interface SinkFactory extends ConnectorFactory {
    /** The configuration key that selects a sink factory by name. */
    String SELECTOR = "sink";

    /**
     * A new sink configured from an already validated {@code configuration}.
     *
     * @throws IllegalArgumentException if values are individually valid but do not fit together (naming them)
     */
    Sink<?> create(Configuration configuration);

    /** Validates {@code configuration} against {@link #options()}, then {@link #create}s the sink. */
    default Sink<?> validateAndCreate(Configuration configuration) {
        ConnectorOptions.validate("sink '" + name() + "'", configuration, requiredOptions(), optionalOptions(),
                SELECTOR);
        return create(configuration);
    }
}
