package io.weir.spi.checkpoint;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

import java.util.Objects;

/**
 * What a {@link CheckpointStorage} is created for: the job and its configuration (where the storage
 * reads its own options, such as {@code checkpoint.directory}). Grows with default methods.
 *
 * <h2>Thread safety</h2>
 * Immutable; the configuration is only read.
 */
@Evolving
public interface CheckpointStorageContext {

    /** The job's name (a storage may use it in default locations). */
    String jobName();

    /** The job's configuration. */
    Configuration configuration();

    /** A context of {@code jobName} and {@code configuration}. */
    static CheckpointStorageContext of(String jobName, Configuration configuration) {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(configuration, "configuration");
        return new CheckpointStorageContext() {
            @Override
            public String jobName() {
                return jobName;
            }

            @Override
            public Configuration configuration() {
                return configuration;
            }

            @Override
            public String toString() {
                return "CheckpointStorageContext[job=" + jobName + "]";
            }
        };
    }
}
