package io.weir.plugins;

import io.weir.api.connector.SequenceSource;
import io.weir.spi.plugin.ConnectorFactory;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.plugin.SpiVersion;
import io.weir.spi.sink.WriterSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.weir.plugins.TestJars.build;
import static io.weir.plugins.TestJars.descriptor;
import static io.weir.plugins.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary compatibility of the connector SPI: a plugin compiled against {@code SourceFactory} and
 * {@code SinkFactory} as they were before {@link ConnectorFactory} became their parent (the methods
 * declared by each, no parent) loads and works unchanged, whether the new code calls it through the parent
 * or the plugin's old code calls into the new SPI.
 */
class SpiCompatibilityTest {
    /** The factory interfaces before ConnectorFactory, with a compile-time marker that proves they were used. */
    private static final Map<String, String> SPI_BEFORE_CONNECTOR_FACTORY = Map.of(
            "io.weir.spi.plugin.SourceFactory", legacyFactory("Source", "source"),
            "io.weir.spi.plugin.SinkFactory", legacyFactory("Sink", "sink"));

    private static String legacyFactory(String connector, String selector) {
        return """
                package io.weir.spi.plugin;
                import io.weir.api.config.ConfigOption;
                import io.weir.api.config.Configuration;
                import java.util.HashSet;
                import java.util.Set;
                public interface %1$sFactory {
                    String SELECTOR = "%2$s";
                    String COMPILED_AGAINST = "the SPI before ConnectorFactory"; // test marker, inlined by javac
                    String name();
                    default String description() { return name(); }
                    Set<ConfigOption<?>> requiredOptions();
                    Set<ConfigOption<?>> optionalOptions();
                    default Set<ConfigOption<?>> options() {
                        Set<ConfigOption<?>> all = new HashSet<>(requiredOptions());
                        all.addAll(optionalOptions());
                        return Set.copyOf(all);
                    }
                    io.weir.api.connector.%1$s<?> create(Configuration configuration);
                    default io.weir.api.connector.%1$s<?> validateAndCreate(Configuration configuration) {
                        ConnectorOptions.validate("%2$s '" + name() + "'", configuration, requiredOptions(),
                                optionalOptions(), SELECTOR);
                        return create(configuration);
                    }
                }
                """.formatted(connector, selector);
    }

    /** A source and a sink factory that leave description and options to the defaults, and old code calling them. */
    private static final Map<String, String> LEGACY_PLUGIN = Map.of("plugin.LegacySource", """
            package plugin;
            import io.weir.api.config.ConfigOption;
            import io.weir.api.config.Configuration;
            import java.util.Set;
            public final class LegacySource implements io.weir.spi.plugin.SourceFactory {
                static final ConfigOption<Long> TO = ConfigOption.of("to", Long.class, null, "the last number");
                public String name() { return "legacy-source"; }
                public Set<ConfigOption<?>> requiredOptions() { return Set.of(TO); }
                public Set<ConfigOption<?>> optionalOptions() { return Set.of(); }
                public io.weir.api.connector.Source<?> create(Configuration configuration) {
                    return new io.weir.api.connector.SequenceSource(1, configuration.get(TO));
                }
            }
            """, "plugin.LegacySink", """
            package plugin;
            import io.weir.api.config.ConfigOption;
            import io.weir.api.config.Configuration;
            import java.util.Set;
            public final class LegacySink implements io.weir.spi.plugin.SinkFactory {
                public String name() { return "legacy-sink"; }
                public Set<ConfigOption<?>> requiredOptions() { return Set.of(); }
                public Set<ConfigOption<?>> optionalOptions() { return Set.of(); }
                public io.weir.api.connector.Sink<?> create(Configuration configuration) {
                    return (io.weir.spi.sink.WriterSink<String>) context -> null;
                }
            }
            """, "plugin.LegacyCaller", """
            package plugin;
            import io.weir.spi.plugin.SinkFactory;
            import io.weir.spi.plugin.SourceFactory;
            public final class LegacyCaller {
                public static String compiledAgainst() { return SourceFactory.COMPILED_AGAINST; }
                public static String describe(SourceFactory source, SinkFactory sink) {
                    return source.name() + " (" + source.description() + ", " + source.options().size() + " option), "
                            + sink.name() + " (" + sink.description() + ", " + sink.options().size() + " options)";
                }
            }
            """);

    @TempDir
    Path root;

    private Plugins loadLegacyPlugin() throws Exception {
        Map<String, String> sources = new HashMap<>(SPI_BEFORE_CONNECTOR_FACTORY);
        sources.putAll(LEGACY_PLUGIN);
        build(root.resolve("build"), root.resolve("plugins").resolve("legacy").resolve("legacy.jar"), sources,
                Map.of("META-INF/weir-plugin.properties", descriptor("legacy", "0.9", SpiVersion.OLDEST_SUPPORTED),
                        services(SourceFactory.class), "plugin.LegacySource\n",
                        services(SinkFactory.class), "plugin.LegacySink\n"));
        return PluginLoader.load(getClass().getClassLoader(), root.resolve("plugins"));
    }

    @Test
    void shouldLoadAndUseFactoriesCompiledBeforeConnectorFactoryExisted() throws Exception {
        try (Plugins plugins = loadLegacyPlugin()) {
            assertThat(plugins.errors()).isEmpty();
            ClassLoader loader = plugins.find(PluginKind.SOURCE, "legacy-source").orElseThrow().classLoader();
            assertThat(loader.loadClass("plugin.LegacyCaller").getMethod("compiledAgainst").invoke(null))
                    .isEqualTo("the SPI before ConnectorFactory");

            ConnectorFactory source = (ConnectorFactory) loader.loadClass("plugin.LegacySource")
                    .getConstructor().newInstance();
            ConnectorFactory sink = (ConnectorFactory) loader.loadClass("plugin.LegacySink")
                    .getConstructor().newInstance();
            assertThat(source.description()).as("the default, now inherited from the parent").isEqualTo("legacy-source");
            assertThat(source.options()).hasSize(1);
            assertThat(sink.description()).isEqualTo("legacy-sink");

            assertThat(plugins.connectors().<Long>createSource(Map.of("source", "legacy-source", "to", "2")))
                    .isEqualTo(new SequenceSource(1, 2));
            assertThat(plugins.connectors().<String>createSink(Map.of("sink", "legacy-sink")))
                    .isInstanceOf(WriterSink.class);
        }
    }

    @Test
    void shouldRunOldCodeThatCallsTheMovedMethodsThroughTheSubInterfaces() throws Exception {
        try (Plugins plugins = loadLegacyPlugin()) {
            ClassLoader loader = plugins.find(PluginKind.SOURCE, "legacy-source").orElseThrow().classLoader();
            var describe = loader.loadClass("plugin.LegacyCaller")
                    .getMethod("describe", SourceFactory.class, SinkFactory.class);

            assertThat(describe.invoke(null, plugins.sources().get("legacy-source"), plugins.sinks().get("legacy-sink")))
                    .as("through the plugin loader's wrappers")
                    .isEqualTo("legacy-source (legacy-source, 1 option), legacy-sink (legacy-sink, 0 options)");
            assertThat(describe.invoke(null, loader.loadClass("plugin.LegacySource").getConstructor().newInstance(),
                    loader.loadClass("plugin.LegacySink").getConstructor().newInstance()))
                    .as("on the plugin's own classes")
                    .isEqualTo("legacy-source (legacy-source, 1 option), legacy-sink (legacy-sink, 0 options)");
        }
    }
}
