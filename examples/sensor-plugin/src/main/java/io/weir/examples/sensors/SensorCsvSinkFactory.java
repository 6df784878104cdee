package io.weir.examples.sensors;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.spi.plugin.SinkFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sink = sensor-csv, path = <folder>}: a {@link SensorCsvSink}. Listed in
 * {@code META-INF/services/io.weir.spi.plugin.SinkFactory}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class SensorCsvSinkFactory implements SinkFactory {
    public static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null,
            "the folder of the CSV files, one per subtask");

    @Override
    public String name() {
        return "sensor-csv";
    }

    @Override
    public String description() {
        return "sensor readings as CSV rows, at least once (example plugin)";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public Sink<?> create(Configuration configuration) {
        String path = configuration.get(PATH);
        try {
            return new SensorCsvSink(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("sink 'sensor-csv': option 'path': '" + path + "' is not a path: "
                    + e.getMessage(), e);
        }
    }
}
