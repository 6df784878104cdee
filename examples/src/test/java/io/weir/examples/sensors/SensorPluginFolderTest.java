package io.weir.examples.sensors;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.plugins.PluginClassLoader;
import io.weir.plugins.PluginKind;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import io.weir.spi.plugin.ConnectorCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example plugin as a user deploys it: its jar (examples/sensor-plugin) copied into
 * {@code plugins/sensors/}, loaded by the plugin loader into its own child-first class loader (the plugin
 * is not on this test's class path), and used by configuration only: {@code source = sensors} and
 * {@code sink = sensor-csv}.
 */
class SensorPluginFolderTest {
    @TempDir
    Path root;

    /** Where Maven left the plugin: its jar, or its classes folder when the build stopped before packaging. */
    private static Path builtPlugin() {
        String path = System.getProperty("weir.example.sensor-plugin");
        assertThat(path).as("system property weir.example.sensor-plugin (set by the examples pom)").isNotBlank();
        return Path.of(path);
    }

    private Path pluginsFolder() throws IOException {
        Path folder = Files.createDirectories(root.resolve("plugins/sensors"));
        Path built = builtPlugin();
        if (Files.isDirectory(built)) {
            jar(built, folder.resolve("weir-example-sensor-plugin.jar"));
        } else {
            Files.copy(built, folder.resolve(built.getFileName()));
        }
        return root.resolve("plugins");
    }

    @Test
    void shouldRunAJobBuiltFromConfigurationWithThePluginLoadedFromItsFolder() throws Exception {
        assertThat(getClass().getClassLoader().getResource("io/weir/examples/sensors/SensorSource.class"))
                .as("the plugin must not be on the test class path").isNull();

        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), pluginsFolder())) {
            assertThat(plugins.errors()).isEmpty();
            assertThat(plugins.describe()).extracting(PluginRow::name, PluginRow::kind)
                    .contains(org.assertj.core.groups.Tuple.tuple("sensors", PluginKind.SOURCE),
                            org.assertj.core.groups.Tuple.tuple("sensor-csv", PluginKind.SINK));
            ConnectorCatalog connectors = plugins.connectors();

            StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
            DataStream<Object> readings = connectors.fromConfiguration(env,
                    Map.of("source", "sensors", "sensors", "3", "readings", "50", "seed", "7"));
            CollectSink<Object> collected = Sinks.collect();
            readings.sinkTo(collected);
            Path csv = root.resolve("csv");
            readings.sinkTo(connectors.createSink(Map.of("sink", "sensor-csv", "path", csv.toString())));
            env.execute("sensors from a plugin folder");

            List<Object> records = collected.results();
            assertThat(records).hasSize(150);
            assertThat(records).allSatisfy(r -> {
                assertThat(r.getClass().getName()).isEqualTo("io.weir.examples.sensors.SensorReading");
                assertThat(r.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
                assertThat(((PluginClassLoader) r.getClass().getClassLoader()).folder())
                        .isEqualTo(root.resolve("plugins/sensors"));
            });
            assertThat(records).extracting(Object::toString)
                    .filteredOn(s -> s.startsWith("SensorReading[sensor=sensor-2, index=49,")).hasSize(1);
            try (Stream<Path> files = Files.list(csv)) {
                List<String> rows = files.flatMap(f -> {
                    try {
                        return Files.readAllLines(f).stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
                assertThat(rows).hasSize(150).anyMatch(row -> row.startsWith("sensor-0,0,1767225600000,"));
            }
        }
    }

    @Test
    void shouldExplainUnknownNamesAndOptionsOfThePluginsConnectors() throws Exception {
        try (Plugins plugins = PluginLoader.load(getClass().getClassLoader(), pluginsFolder())) {
            ConnectorCatalog connectors = plugins.connectors();

            assertThatThrownBy(() -> connectors.createSource(Map.of("source", "sensor")))
                    .hasMessageContaining("unknown source 'sensor'")
                    .hasMessageContaining("sensors (generated temperature readings");
            assertThatThrownBy(() -> connectors.createSource(Map.of("source", "sensors", "sensors", "many", "rate", "5")))
                    .hasMessageContaining("unknown option 'rate'")
                    .hasMessageContaining("option 'sensors': 'many' is not")
                    .hasMessageContaining("readings (");
            assertThatThrownBy(() -> connectors.createSink(Map.of("sink", "sensor-csv")))
                    .hasMessageContaining("missing required option 'path'");
        }
    }

    /** Packs a classes folder into a jar, as the jar plugin would. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
