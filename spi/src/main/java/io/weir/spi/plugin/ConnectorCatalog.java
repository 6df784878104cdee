package io.weir.spi.plugin;

import io.weir.api.StreamEnvironment;
import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.api.connector.Source;
import io.weir.api.datastream.DataStream;
import io.weir.spi.source.SplitSource;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds sources and sinks from string-keyed configuration: the key {@value SourceFactory#SELECTOR} (or
 * {@value SinkFactory#SELECTOR}) names the factory, the other keys are its options.
 *
 * <pre>{@code
 * ConnectorCatalog connectors = plugins.connectors();          // or ConnectorCatalog.fromClassPath(loader)
 * DataStream<Object> readings = connectors.fromConfiguration(env,
 *         Map.of("source", "sensors", "sensors", "4", "readings", "1000"));
 * readings.sinkTo(connectors.createSink(Map.of("sink", "files", "path", "/tmp/out")));
 * }</pre>
 *
 * <p>Errors are {@link IllegalArgumentException}s that say what is wrong and what is accepted: a missing
 * selector key or an unknown connector name lists the available connectors with their descriptions;
 * unknown keys, missing required options and values of the wrong type list every accepted option of
 * that connector ({@link ConnectorOptions#validate}, called through {@link SourceFactory#validateAndCreate});
 * a factory that throws anything else is reported with the connector's name and the configuration.
 *
 * <p>Where the factories come from decides their class loading: {@code io.weir.plugins.Plugins#connectors()}
 * hands out the plugin loader's factories, which run with each plugin's class loader as the thread's
 * context class loader; {@link #fromClassPath} uses {@link ServiceLoader} without any isolation (tests and
 * embedded use). The catalog itself adds no class loading of its own.
 *
 * <h2>Thread safety</h2>
 * Immutable after construction; safe to use from any thread (factories are thread-safe by contract).
 */
@Evolving
public final class ConnectorCatalog {
    private final Map<String, SourceFactory> sources;
    private final Map<String, SinkFactory> sinks;

    private ConnectorCatalog(Map<String, SourceFactory> sources, Map<String, SinkFactory> sinks) {
        this.sources = sources;
        this.sinks = sinks;
    }

    /**
     * A catalog of the given factories.
     *
     * @throws IllegalArgumentException if two source (or two sink) factories have the same name
     */
    public static ConnectorCatalog of(Collection<? extends SourceFactory> sources, Collection<? extends SinkFactory> sinks) {
        return new ConnectorCatalog(byName("source", sources), byName("sink", sinks));
    }

    /**
     * The source and sink factories that {@link ServiceLoader} finds through {@code loader}, without plugin
     * isolation; use {@code io.weir.plugins.PluginLoader} for plugin folders.
     *
     * @throws IllegalArgumentException if a listed factory cannot be instantiated, or two share a name
     */
    public static ConnectorCatalog fromClassPath(ClassLoader loader) {
        try {
            return of(ServiceLoader.load(SourceFactory.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                    ServiceLoader.load(SinkFactory.class, loader).stream().map(ServiceLoader.Provider::get).toList());
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a connector factory on the class path cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** The names of the available sources, sorted. */
    public Set<String> sourceNames() {
        return Collections.unmodifiableSet(sources.keySet());
    }

    /** The names of the available sinks, sorted. */
    public Set<String> sinkNames() {
        return Collections.unmodifiableSet(sinks.keySet());
    }

    /**
     * The source factory called {@code name}.
     *
     * @throws IllegalArgumentException naming the available sources when there is none of that name
     */
    public SourceFactory sourceFactory(String name) {
        SourceFactory f = sources.get(Objects.requireNonNull(name, "name"));
        if (f == null) {
            throw new IllegalArgumentException("unknown source '" + name + "'; " + available("source", sources));
        }
        return f;
    }

    /**
     * The sink factory called {@code name}.
     *
     * @throws IllegalArgumentException naming the available sinks when there is none of that name
     */
    public SinkFactory sinkFactory(String name) {
        SinkFactory f = sinks.get(Objects.requireNonNull(name, "name"));
        if (f == null) {
            throw new IllegalArgumentException("unknown sink '" + name + "'; " + available("sink", sinks));
        }
        return f;
    }

    /**
     * A source built from {@code configuration}: {@value SourceFactory#SELECTOR} names the factory, which
     * validates the rest. The record type is the caller's claim; see {@link #createSource(Configuration, Class)}
     * for a checked one.
     *
     * @throws IllegalArgumentException for a missing or unknown {@value SourceFactory#SELECTOR}, unknown
     *                                  keys, missing options, values of the wrong type, or a failing factory
     */
    @SuppressWarnings("unchecked")
    public <T> Source<T> createSource(Configuration configuration) {
        String name = selector(configuration, SourceFactory.SELECTOR, sources);
        SourceFactory factory = sourceFactory(name);
        try {
            return (Source<T>) Objects.requireNonNull(factory.validateAndCreate(configuration),
                    () -> "source '" + name + "': the factory returned null");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("source '" + name + "' could not be built from " + configuration.toMap()
                    + ": " + e, e);
        }
    }

    /** {@link #createSource(Configuration)} from a map of strings. */
    public <T> Source<T> createSource(Map<String, String> configuration) {
        return createSource(Configuration.fromMap(configuration));
    }

    /**
     * As {@link #createSource(Configuration)}, and checks that the source produces records of {@code type}
     * when it declares its type ({@link SplitSource#producedType()}).
     *
     * @throws IllegalArgumentException also when the source declares another record type
     */
    public <T> Source<T> createSource(Configuration configuration, Class<T> type) {
        Source<T> source = createSource(configuration);
        if (source instanceof SplitSource<?, ?> split && split.producedType() != null
                && !type.isAssignableFrom(split.producedType())) {
            throw new IllegalArgumentException("source '" + configuration.getString(SourceFactory.SELECTOR)
                    + "' produces " + split.producedType().getName() + ", not " + type.getName());
        }
        return source;
    }

    /**
     * A sink built from {@code configuration}: {@value SinkFactory#SELECTOR} names the factory, which
     * validates the rest.
     *
     * @throws IllegalArgumentException as {@link #createSource(Configuration)}
     */
    @SuppressWarnings("unchecked")
    public <T> Sink<T> createSink(Configuration configuration) {
        String name = selector(configuration, SinkFactory.SELECTOR, sinks);
        SinkFactory factory = sinkFactory(name);
        try {
            return (Sink<T>) Objects.requireNonNull(factory.validateAndCreate(configuration),
                    () -> "sink '" + name + "': the factory returned null");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("sink '" + name + "' could not be built from " + configuration.toMap()
                    + ": " + e, e);
        }
    }

    /** {@link #createSink(Configuration)} from a map of strings. */
    public <T> Sink<T> createSink(Map<String, String> configuration) {
        return createSink(Configuration.fromMap(configuration));
    }

    /**
     * A stream in {@code env} from the source that {@code configuration} describes, named after the
     * connector ({@code "Source: <name>"}).
     *
     * @throws IllegalArgumentException as {@link #createSource(Configuration)}
     */
    public <T> DataStream<T> fromConfiguration(StreamEnvironment env, Map<String, String> configuration) {
        Configuration c = Configuration.fromMap(configuration);
        Source<T> source = createSource(c);
        return env.fromSource(source, c.getString(SourceFactory.SELECTOR));
    }

    private static <F extends ConnectorFactory> Map<String, F> byName(String kind, Collection<? extends F> factories) {
        Map<String, F> map = new TreeMap<>();
        for (F f : factories) {
            F other = map.putIfAbsent(f.name(), f);
            if (other != null) {
                throw new IllegalArgumentException("two " + kind + " factories are named '" + f.name() + "': "
                        + other.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String selector(Configuration configuration, String key,
                                   Map<String, ? extends ConnectorFactory> factories) {
        String name = configuration.contains(key) ? configuration.getString(key) : null;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the configuration " + configuration.toMap() + " has no '" + key
                    + "' key: set " + key + " = <name>; " + available(key, factories));
        }
        return name.trim();
    }

    private static String available(String kind, Map<String, ? extends ConnectorFactory> factories) {
        if (factories.isEmpty()) {
            return "no " + kind + " is available (no " + kind + " factory on the class path or in the plugins folder)";
        }
        return "available " + kind + "s: " + factories.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().description() + ")")
                .collect(Collectors.joining(", "));
    }
}
