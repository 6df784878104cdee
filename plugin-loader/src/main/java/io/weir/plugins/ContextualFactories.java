package io.weir.plugins;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.api.connector.Source;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CheckpointStorageContext;
import io.weir.spi.checkpoint.CheckpointStorageFactory;
import io.weir.spi.plugin.ConnectorFactory;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.StateBackendFactory;

import java.util.Set;

/**
 * Wrappers of the five factory kinds that run every call of the plugin's factory with the context class
 * loader set to the plugin's loader ({@link ContextClassLoader}). The objects the factories return are
 * not wrapped: code that calls into them later sets the context loader itself, with
 * {@link LoadedFactory#classLoader()}.
 */
final class ContextualFactories {
    private ContextualFactories() {
    }

    /** {@code factory}, an instance of {@code kind}'s interface, wrapped for {@code loader}. */
    static Object wrap(PluginKind kind, Object factory, ClassLoader loader) {
        return switch (kind) {
            case SOURCE -> new Sources((SourceFactory) factory, loader, false);
            case SINK -> new Sinks((SinkFactory) factory, loader, false);
            case STATE_BACKEND -> new StateBackends((StateBackendFactory) factory, loader);
            case SCHEDULER -> new Schedulers((SchedulerFactory) factory, loader);
            case CHECKPOINT_STORAGE -> new CheckpointStorages((CheckpointStorageFactory) factory, loader);
        };
    }

    /**
     * A connector factory whose calls run with {@code loader()} as context loader. {@link Sources} and
     * {@link Sinks} add only {@code create}: with {@code wrapsConnectors}, the connectors it creates are wrapped
     * too ({@link ContextualConnectors}), so that the runtime's later calls into them run with the loader too.
     */
    sealed interface ConnectorFactories<F extends ConnectorFactory> extends ConnectorFactory permits Sources, Sinks {
        F delegate();

        ClassLoader loader();

        /** The same factory, with the connectors it creates wrapped. */
        ConnectorFactories<F> wrappingConnectors();

        @Override
        default String name() {
            return ContextClassLoader.call(loader(), delegate()::name);
        }

        @Override
        default String description() {
            return ContextClassLoader.call(loader(), delegate()::description);
        }

        @Override
        default Set<ConfigOption<?>> requiredOptions() {
            return ContextClassLoader.call(loader(), delegate()::requiredOptions);
        }

        @Override
        default Set<ConfigOption<?>> optionalOptions() {
            return ContextClassLoader.call(loader(), delegate()::optionalOptions);
        }
    }

    record Sources(SourceFactory delegate, ClassLoader loader, boolean wrapsConnectors)
            implements SourceFactory, ConnectorFactories<SourceFactory> {
        @Override
        public Sources wrappingConnectors() {
            return new Sources(delegate, loader, true);
        }

        @Override
        public Source<?> create(Configuration configuration) {
            Source<?> source = ContextClassLoader.call(loader, () -> delegate.create(configuration));
            return wrapsConnectors ? ContextualConnectors.wrap(source, loader) : source;
        }
    }

    record Sinks(SinkFactory delegate, ClassLoader loader, boolean wrapsConnectors)
            implements SinkFactory, ConnectorFactories<SinkFactory> {
        @Override
        public Sinks wrappingConnectors() {
            return new Sinks(delegate, loader, true);
        }

        @Override
        public Sink<?> create(Configuration configuration) {
            Sink<?> sink = ContextClassLoader.call(loader, () -> delegate.create(configuration));
            return wrapsConnectors ? ContextualConnectors.wrap(sink, loader) : sink;
        }
    }

    record StateBackends(StateBackendFactory delegate, ClassLoader loader) implements StateBackendFactory {
        @Override
        public String name() {
            return ContextClassLoader.call(loader, delegate::name);
        }

        @Override
        public String description() {
            return ContextClassLoader.call(loader, delegate::description);
        }

        @Override
        public StateBackend create(Configuration configuration) {
            return ContextClassLoader.call(loader, () -> delegate.create(configuration));
        }
    }

    record Schedulers(SchedulerFactory delegate, ClassLoader loader) implements SchedulerFactory {
        @Override
        public String name() {
            return ContextClassLoader.call(loader, delegate::name);
        }

        @Override
        public String description() {
            return ContextClassLoader.call(loader, delegate::description);
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return ContextClassLoader.call(loader, () -> delegate.create(context));
        }
    }

    record CheckpointStorages(CheckpointStorageFactory delegate, ClassLoader loader) implements CheckpointStorageFactory {
        @Override
        public String name() {
            return ContextClassLoader.call(loader, delegate::name);
        }

        @Override
        public String description() {
            return ContextClassLoader.call(loader, delegate::description);
        }

        @Override
        public CheckpointStorage create(CheckpointStorageContext context) {
            return ContextClassLoader.call(loader, () -> delegate.create(context));
        }
    }
}
