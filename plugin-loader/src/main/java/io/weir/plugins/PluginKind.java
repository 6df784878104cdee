package io.weir.plugins;

import io.weir.spi.checkpoint.CheckpointStorageFactory;
import io.weir.spi.plugin.ConnectorFactory;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.state.StateBackendFactory;

/** The five kinds of factory a plugin can provide, each with its SPI interface and a label for listings. */
public enum PluginKind {
    /** A {@link SourceFactory}. */
    SOURCE(SourceFactory.class, "source"),
    /** A {@link SinkFactory}. */
    SINK(SinkFactory.class, "sink"),
    /** A {@link StateBackendFactory}. */
    STATE_BACKEND(StateBackendFactory.class, "state backend"),
    /** A {@link SchedulerFactory}. */
    SCHEDULER(SchedulerFactory.class, "scheduler"),
    /** A {@link CheckpointStorageFactory}. */
    CHECKPOINT_STORAGE(CheckpointStorageFactory.class, "checkpoint storage");

    private final Class<?> factoryType;
    private final String label;

    PluginKind(Class<?> factoryType, String label) {
        this.factoryType = factoryType;
        this.label = label;
    }

    /** The SPI interface that factories of this kind implement (the ServiceLoader service). */
    public Class<?> factoryType() {
        return factoryType;
    }

    /** Lower-case words for listings, such as {@code "state backend"}. */
    public String label() {
        return label;
    }

    /** The factory's {@code name()}. */
    String nameOf(Object factory) {
        return switch (factory) {
            case ConnectorFactory f -> f.name();
            case StateBackendFactory f -> f.name();
            case SchedulerFactory f -> f.name();
            case CheckpointStorageFactory f -> f.name();
            default -> throw new IllegalArgumentException("not a factory: " + factory.getClass().getName());
        };
    }
}
