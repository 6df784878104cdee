package io.weir.cli;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code weir run} was told about the job's configuration: {@code -D key=value} options first,
 * then the dedicated flags, which win over a {@code -D} for the same key. Values of options known from
 * {@link ExecutionOptions} are checked at once, so that a typo is a usage error before anything runs;
 * other keys (for plugins) are passed through as text.
 *
 * @param parallelism the {@code --parallelism}, or {@code null}
 * @param scheduler   the {@code --scheduler}, or {@code null}
 * @param exchange    the {@code --exchange}, or {@code null}
 * @param properties  the {@code -D} options, in command line order
 */
record JobSettings(Integer parallelism, String scheduler, ExchangeMode exchange, Map<String, String> properties) {
    private static final Map<String, ConfigOption<?>> KNOWN_OPTIONS = knownOptions();

    JobSettings {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties")));
    }

    /**
     * The configuration to create the environment with.
     *
     * @throws IllegalArgumentException naming the option, when a value is not valid
     */
    Configuration toConfiguration() {
        Configuration configuration = new Configuration();
        properties.forEach((key, value) -> {
            ConfigOption<?> known = KNOWN_OPTIONS.get(key);
            if (known != null) {
                known.parse(value);
            }
            configuration.setString(key, value);
        });
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism must be at least 1, was " + parallelism);
            }
            configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        }
        if (scheduler != null) {
            if (scheduler.isBlank()) {
                throw new IllegalArgumentException("--scheduler must name a scheduler, such as cooperative or dedicated");
            }
            configuration.set(ExecutionOptions.SCHEDULER, scheduler);
        }
        if (exchange != null) {
            configuration.set(ExecutionOptions.EXCHANGE_MODE, exchange);
        }
        if (configuration.get(ExecutionOptions.PARALLELISM) < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was "
                    + configuration.get(ExecutionOptions.PARALLELISM));
        }
        return configuration;
    }

    /** The public {@link ConfigOption} constants of {@link ExecutionOptions}, by key. */
    private static Map<String, ConfigOption<?>> knownOptions() {
        return Arrays.stream(ExecutionOptions.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class)
                .map(JobSettings::read)
                .collect(Collectors.toUnmodifiableMap(ConfigOption::key, Function.identity()));
    }

    private static ConfigOption<?> read(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read ExecutionOptions." + field.getName(), e);
        }
    }
}
