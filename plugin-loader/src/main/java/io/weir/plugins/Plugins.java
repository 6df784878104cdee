package io.weir.plugins;

import io.weir.spi.checkpoint.CheckpointStorageFactory;
import io.weir.spi.plugin.ConnectorCatalog;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.state.StateBackendFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link PluginLoader} found: the accepted factories by kind and name, and the errors of the
 * plugins it refused. Closing it closes the folder plugins' class loaders; factories must not be used
 * afterwards.
 *
 * <h2>Thread safety</h2>
 * Immutable after loading; safe to read from any thread. {@link #close()} once, when no factory is in use.
 */
public final class Plugins implements AutoCloseable {
    private final List<LoadedFactory> factories;
    private final List<PluginError> errors;
    private final List<PluginClassLoader> loaders;

    Plugins(List<LoadedFactory> factories, List<PluginError> errors, List<PluginClassLoader> loaders) {
        this.factories = factories.stream()
                .sorted(Comparator.comparing(LoadedFactory::kind).thenComparing(LoadedFactory::name)).toList();
        this.errors = List.copyOf(errors);
        this.loaders = List.copyOf(loaders);
    }

    /** Every accepted factory, ordered by kind then name. */
    public List<LoadedFactory> factories() {
        return factories;
    }

    /** Source factories by name. */
    public Map<String, SourceFactory> sources() {
        return byName(PluginKind.SOURCE, SourceFactory.class);
    }

    /** Sink factories by name. */
    public Map<String, SinkFactory> sinks() {
        return byName(PluginKind.SINK, SinkFactory.class);
    }

    /** State backend factories by name. */
    public Map<String, StateBackendFactory> stateBackends() {
        return byName(PluginKind.STATE_BACKEND, StateBackendFactory.class);
    }

    /** Scheduler factories by name. */
    public Map<String, SchedulerFactory> schedulers() {
        return byName(PluginKind.SCHEDULER, SchedulerFactory.class);
    }

    /** Checkpoint storage factories by name. */
    public Map<String, CheckpointStorageFactory> checkpointStorages() {
        return byName(PluginKind.CHECKPOINT_STORAGE, CheckpointStorageFactory.class);
    }

    /**
     * The source and sink factories as a {@link ConnectorCatalog}, to build connectors from string-keyed
     * configuration ({@code source = <name>, ...}). Each {@code create} runs with the plugin's class loader
     * as the thread's context class loader, and the sources and sinks of folder plugins come back wrapped
     * so that the runtime's later calls into them (readers, enumerators, writers, committers) do too.
     */
    public ConnectorCatalog connectors() {
        return ConnectorCatalog.of(connectorFactories(PluginKind.SOURCE, SourceFactory.class),
                connectorFactories(PluginKind.SINK, SinkFactory.class));
    }

    /** The factory of {@code kind} called {@code name}, if any. */
    public Optional<LoadedFactory> find(PluginKind kind, String name) {
        return factories.stream().filter(f -> f.kind() == kind && f.name().equals(name)).findFirst();
    }

    /** Why plugins were refused, in the order they were found. */
    public List<PluginError> errors() {
        return errors;
    }

    /** One row per accepted factory, for listings. */
    public List<PluginRow> describe() {
        return factories.stream().map(f -> new PluginRow(f.name(), f.version(), f.kind(), f.origin())).toList();
    }

    private <F> List<F> connectorFactories(PluginKind kind, Class<F> type) {
        return factories.stream().filter(f -> f.kind() == kind)
                .map(f -> f.classLoader() instanceof PluginClassLoader
                        && f.factory() instanceof ContextualFactories.ConnectorFactories<?> contextual
                        ? contextual.wrappingConnectors() : f.factory())
                .map(type::cast).toList();
    }

    private <F> Map<String, F> byName(PluginKind kind, Class<F> type) {
        Map<String, F> map = new LinkedHashMap<>();
        factories.stream().filter(f -> f.kind() == kind).forEach(f -> map.put(f.name(), type.cast(f.factory())));
        return map;
    }

    @Override
    public void close() {
        IOException failure = null;
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("closing a plugin class loader failed", failure);
        }
    }
}
