package io.weir.connectors.files;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.spi.plugin.ConnectorOptions;
import io.weir.spi.plugin.SinkFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code sink = files}: a {@link FileSink} from configuration, for example
 * {@code sink = files, path = /data/out, rolling-size = 64mb, guarantee = exactly-once}. Each record is
 * written as one UTF-8 line, its {@code toString()}; part files roll at {@code rolling-size}; with
 * {@code exactly-once} (the default) they become visible when the checkpoint that covers them completes.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
@Evolving
public final class FileSinkFactory implements SinkFactory {
    /** The delivery guarantees selectable by configuration. */
    public enum Guarantee {
        /** Part files are staged and renamed when the checkpoint that covers them completes (two-phase commit). */
        EXACTLY_ONCE,
        /** Part files are written in place; a restart may write records again. */
        AT_LEAST_ONCE
    }

    public static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null,
            "the folder of the part files (created when missing)");
    public static final ConfigOption<String> ROLLING_SIZE = ConfigOption.of("rolling-size", String.class, "128mb",
            "start a new part file beyond this size: bytes, or with a unit kb, mb, gb");
    public static final ConfigOption<Guarantee> GUARANTEE = ConfigOption.of("guarantee", Guarantee.class,
            Guarantee.EXACTLY_ONCE, "exactly-once (two-phase commit with checkpoints) or at-least-once");

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String description() {
        return "one line per record (toString) into rolling part files, exactly-once through two-phase commit";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(ROLLING_SIZE, GUARANTEE);
    }

    @Override
    public Sink<?> create(Configuration configuration) {
        List<String> problems = new ArrayList<>();
        long rollingSize = Sizes.parse(ROLLING_SIZE, configuration.get(ROLLING_SIZE), problems);
        if (rollingSize == 0) {
            problems.add("option '" + ROLLING_SIZE.key() + "' must be at least 1 byte");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("sink 'files': " + String.join("; ", problems) + ".\n"
                    + ConnectorOptions.describe(requiredOptions(), optionalOptions()));
        }
        FileSink.Builder<Object> builder = FileSink.forRows(Path.of(configuration.get(PATH))).withRollingSize(rollingSize);
        return configuration.get(GUARANTEE) == Guarantee.EXACTLY_ONCE ? builder.exactlyOnce().build()
                : builder.atLeastOnce().build();
    }
}
