package io.weir.plugins;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.SequenceSource;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;

import java.util.Set;

/** A class-path source factory (listed in the test resources' META-INF/services): {@code source = numbers, to = N}. */
public final class ClassPathSourceFactory implements SourceFactory {
    static final ConfigOption<Long> TO = ConfigOption.of("to", Long.class, null, "the last number");

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(TO);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public Source<?> create(Configuration configuration) {
        return new SequenceSource(1, configuration.get(TO));
    }
}
