package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;

import java.util.HashSet;
import java.util.Set;

/**
 * What {@link SourceFactory} and {@link SinkFactory} have in common: the name that selects the connector
 * in configuration, a description for listings, and the options its configuration accepts. Code that
 * lists, describes or wraps connector factories of either kind (a plugin loader, a command that prints
 * them) can take a {@code ConnectorFactory}. A plugin implements {@code SourceFactory} or
 * {@code SinkFactory}, the {@link java.util.ServiceLoader} services, never this interface alone: a
 * class that implements only {@code ConnectorFactory} is not discovered.
 *
 * <p>Contract: the methods describe the factory, not one connector: they create nothing, have no side
 * effects and return the same values on every call. {@code validateAndCreate} of the two sub-interfaces
 * validates against {@link #requiredOptions()} and {@link #optionalOptions()}.
 *
 * <p>Compatibility: {@code SourceFactory} and {@code SinkFactory} declared these methods themselves, with
 * the same signatures and defaults, before this parent existed; a factory compiled against them compiles
 * and loads unchanged.
 *
 * <h2>Thread safety</h2>
 * Must be thread-safe: every method may be called from any thread, concurrently. The plugin loader calls
 * them with the thread's context class loader set to the plugin's class loader.
 */
@Evolving
public interface ConnectorFactory {

    /**
     * The name used in configuration, such as {@code "files"}, unique among the factories of its kind.
     * Lower case, no spaces.
     */
    String name();

    /** A one-line description shown by {@code weir plugins}; {@link #name()} by default. */
    default String description() {
        return name();
    }

    /** The options that must be set. */
    Set<ConfigOption<?>> requiredOptions();

    /** The options that may be set; an unset one takes its default. */
    Set<ConfigOption<?>> optionalOptions();

    /** Every accepted option: {@link #requiredOptions()} and {@link #optionalOptions()}, as an immutable set. */
    default Set<ConfigOption<?>> options() {
        Set<ConfigOption<?>> all = new HashSet<>(requiredOptions());
        all.addAll(optionalOptions());
        return Set.copyOf(all);
    }
}
