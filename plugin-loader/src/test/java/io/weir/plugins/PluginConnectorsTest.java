package io.weir.plugins;

import io.weir.api.connector.SequenceSource;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.ConnectorCatalog;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.plugin.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static io.weir.plugins.TestJars.build;
import static io.weir.plugins.TestJars.descriptor;
import static io.weir.plugins.TestJars.greetingLibrary;
import static io.weir.plugins.TestJars.greetingPlugin;
import static io.weir.plugins.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sources by configuration through the plugin loader: {@link Plugins#connectors()}. */
class PluginConnectorsTest {
    @TempDir
    Path root;

    private Plugins loadGreetingPlugin() throws Exception {
        Path dir = root.resolve("plugins").resolve("greet");
        Path lib = build(root.resolve("build"), dir.resolve("lib-greeting.jar"), greetingLibrary("v7"), Map.of());
        build(root.resolve("build"), dir.resolve("plugin.jar"), greetingPlugin("greet"),
                Map.of("META-INF/weir-plugin.properties", descriptor("greet", "1.0", SpiVersion.CURRENT),
                        services(SourceFactory.class), "plugin.GreetingSourceFactory\n"), lib);
        return PluginLoader.load(getClass().getClassLoader(), root.resolve("plugins"));
    }

    @Test
    void shouldBuildAFolderPluginsSourceFromConfigurationUnderThePluginsContextClassLoader() throws Exception {
        try (Plugins plugins = loadGreetingPlugin()) {
            ConnectorCatalog connectors = plugins.connectors();
            Source<String> source = connectors.createSource(Map.of("source", "greet"));

            assertThat(source.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
            @SuppressWarnings("unchecked")
            String greeting = ((Supplier<String>) source).get();
            assertThat(greeting).as("the plugin's library, and whether create ran with the plugin's context loader")
                    .isEqualTo("v7/true");
            assertThat(connectors.<Long>createSource(Map.of("source", "numbers", "to", "3")))
                    .isEqualTo(new SequenceSource(1, 3));
        }
    }

    @Test
    void shouldListClassPathAndFolderSourcesForAnUnknownName() throws Exception {
        try (Plugins plugins = loadGreetingPlugin()) {
            assertThatThrownBy(() -> plugins.connectors().createSource(Map.of("source", "greeting")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown source 'greeting'")
                    .hasMessageContaining("greet (greets with v7)")
                    .hasMessageContaining("numbers");
            assertThatThrownBy(() -> plugins.connectors().createSource(Map.of("source", "greet", "loud", "yes")))
                    .hasMessageContaining("source 'greet': unknown option 'loud'");
        }
    }
}
