package io.weir.examples.sensors;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;

import java.time.Duration;
import java.util.Set;

/**
 * {@code source = sensors}: a {@link SensorSource} from configuration, such as
 * {@code source = sensors, sensors = 8, readings = 10000, seed = 7, interval = 500ms}. Listed in
 * {@code META-INF/services/io.weir.spi.plugin.SourceFactory}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class SensorSourceFactory implements SourceFactory {
    public static final ConfigOption<Integer> SENSORS = ConfigOption.of("sensors", Integer.class, 4,
            "how many sensors (one split each)");
    public static final ConfigOption<Long> READINGS = ConfigOption.of("readings", Long.class, 1_000L,
            "readings per sensor");
    public static final ConfigOption<Long> SEED = ConfigOption.of("seed", Long.class, 0L,
            "seed of the temperatures: the same seed gives the same readings");
    public static final ConfigOption<Long> START_TIME = ConfigOption.of("start-time", Long.class, 1_767_225_600_000L,
            "event time of the first reading, epoch milliseconds");
    public static final ConfigOption<Duration> INTERVAL = ConfigOption.of("interval", Duration.class,
            Duration.ofSeconds(1), "event time between two readings of one sensor (such as 500ms)");

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public String description() {
        return "generated temperature readings, one split per sensor (example plugin)";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(SENSORS, READINGS, SEED, START_TIME, INTERVAL);
    }

    @Override
    public Source<?> create(Configuration configuration) {
        try {
            return new SensorSource(configuration.get(SENSORS), configuration.get(READINGS), configuration.get(SEED),
                    configuration.get(START_TIME), configuration.get(INTERVAL).toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source 'sensors': " + e.getMessage() + " (options " + SENSORS.key()
                    + ", " + READINGS.key() + ", " + INTERVAL.key() + ")", e);
        }
    }
}
