package io.weir.runtime.checkpoint.storage;

import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.Configuration;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CheckpointStorageContext;
import io.weir.spi.checkpoint.CheckpointStorageFactory;

import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link CheckpointStorageFactory}s through {@link ServiceLoader}, by name. */
public final class CheckpointStorages {
    private CheckpointStorages() {
    }

    /**
     * The storage of job {@code jobName} named by {@code checkpoint.storage} in {@code configuration}.
     *
     * @throws IllegalArgumentException if there is no storage of that name, or an option is invalid
     */
    public static CheckpointStorage create(String jobName, Configuration configuration) {
        String name = configuration.get(CheckpointOptions.CHECKPOINT_STORAGE);
        return find(name).create(CheckpointStorageContext.of(jobName, configuration));
    }

    /**
     * The factory named {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the names available
     */
    public static CheckpointStorageFactory find(String name) {
        List<CheckpointStorageFactory> all = all();
        for (CheckpointStorageFactory f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("option '" + CheckpointOptions.CHECKPOINT_STORAGE.key()
                + "': no checkpoint storage named '" + name + "'; available: "
                + all.stream().map(CheckpointStorageFactory::name).sorted().toList());
    }

    /** Every factory on the class path. */
    public static List<CheckpointStorageFactory> all() {
        return ServiceLoader.load(CheckpointStorageFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
