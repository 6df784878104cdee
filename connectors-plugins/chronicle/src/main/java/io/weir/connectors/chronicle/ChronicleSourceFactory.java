package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;

import java.nio.file.Path;
import java.util.Set;

import static io.weir.connectors.chronicle.ChronicleOptions.BOUNDED;
import static io.weir.connectors.chronicle.ChronicleOptions.FORMAT;
import static io.weir.connectors.chronicle.ChronicleOptions.PATH;
import static io.weir.connectors.chronicle.ChronicleOptions.READ_COMMITTED;
import static io.weir.connectors.chronicle.ChronicleOptions.RECORD_CLASS;
import static io.weir.connectors.chronicle.ChronicleOptions.START;

/**
 * {@code source = chronicle}: a {@link ChronicleSource} from configuration, for example
 * {@code source = chronicle, path = /data/a,/data/b, bounded = true, format = codec, record-class = com.x.Order}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
@Evolving
public final class ChronicleSourceFactory implements SourceFactory {
    private static final String CONNECTOR = "source 'chronicle'";

    @Override
    public String name() {
        return "chronicle";
    }

    @Override
    public String description() {
        return "Chronicle Queue: one split per queue, bounded or tailing, read-committed, resumes at the checkpointed index";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FORMAT, RECORD_CLASS, BOUNDED, READ_COMMITTED, START);
    }

    @Override
    public Source<?> create(Configuration configuration) {
        return build(ChronicleOptions.format(configuration, CONNECTOR), configuration);
    }

    private static <T> ChronicleSource<T> build(RecordFormat<T> format, Configuration configuration) {
        ChronicleSource.Builder<T> builder = ChronicleSource.builder(format);
        try {
            for (Path path : ChronicleOptions.paths(configuration, CONNECTOR, true)) {
                builder.queue(path);
            }
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(CONNECTOR) ? e
                    : new IllegalArgumentException(CONNECTOR + ": option '" + PATH.key() + "': " + e.getMessage(), e);
        }
        if (configuration.get(BOUNDED)) {
            builder.bounded();
        }
        if (!configuration.get(READ_COMMITTED)) {
            builder.readUncommitted();
        }
        if (configuration.get(START) == ChronicleOptions.Start.LATEST) {
            builder.startFromLatest();
        }
        return builder.build();
    }
}
