package io.weir.cli;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.examples.Examples;
import io.weir.plugins.PluginClassLoader;
import io.weir.plugins.PluginKind;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import io.weir.spi.plugin.ConnectorCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The distribution's plugins folder, {@code cli/target/plugins/<name>/}, as the build assembled it from the
 * plugin modules' {@code weir-plugin} zips: {@code weir plugins} lists every plugin in it with the folder as its
 * origin, and the plugins work from there, each in its own class loader (none of them is on this test's class
 * path): a job reads the sensors plugin's source and writes the chronicle plugin's exactly-once sink, a second
 * job reads the queue back through the chronicle plugin's source.
 */
class DistributionPluginsTest {
    @TempDir
    Path scratch;

    private static Path distributionPlugins() {
        String path = System.getProperty("weir.distribution.plugins");
        assertThat(path).as("system property weir.distribution.plugins (set by the cli pom)").isNotBlank();
        Path folder = Path.of(path);
        assertThat(folder).as("the plugins folder the build assembles").isDirectory();
        return folder;
    }

    @Test
    void shouldListEveryPluginOfTheDistributionWithItsFolderAsOrigin() {
        Path plugins = distributionPlugins();
        String version = System.getProperty("weir.project.version");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WeirCli cli = new WeirCli(Examples.of(List.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        int exit = cli.execute("plugins", "--plugins-dir", plugins.toString());

        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(listing).as(listing).doesNotContain("Refused:");
        for (String[] row : new String[][]{{"chronicle", "source"}, {"chronicle", "sink"}, {"sensors", "source"},
                {"sensor-csv", "sink"}, {"files", "source"}}) {
            String folder = row[0].equals("sensor-csv") ? "sensors" : row[0];
            assertThat(listing).as(listing).containsPattern("(?m)^  " + Pattern.quote(row[0]) + " +"
                    + Pattern.quote(version) + " +" + row[1] + " +" + Pattern.quote(plugins.resolve(folder).toString()) + "$");
        }
    }

    @Test
    void shouldHoldOneFolderOfJarsPerPluginWithoutWeirsOwnApi() throws Exception {
        Path plugins = distributionPlugins();
        try (var folders = Files.list(plugins)) {
            assertThat(folders.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("chronicle", "files", "sensors");
        }
        try (var jars = Files.walk(plugins)) {
            assertThat(jars.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                    .as("every file is a jar; Weir's api and spi and SLF4J's api come from Weir (parent-first)")
                    .allMatch(n -> n.endsWith(".jar"))
                    .noneMatch(n -> n.startsWith("weir-api-") || n.startsWith("weir-spi-") || n.startsWith("slf4j-api-"));
        }
    }

    @Test
    void shouldRunJobsWithConnectorsLoadedFromTheDistributionsPluginsFolder() throws Exception {
        Path plugins = distributionPlugins();
        assertThat(getClass().getClassLoader().getResource("io/weir/connectors/chronicle/ChronicleSink.class"))
                .as("chronicle must not be on the test class path").isNull();
        Path queue = scratch.resolve("readings-queue");

        try (Plugins loaded = PluginLoader.load(getClass().getClassLoader(), plugins)) {
            assertThat(loaded.errors()).isEmpty();
            assertThat(loaded.describe()).extracting(PluginRow::name, PluginRow::kind)
                    .contains(tuple("chronicle", PluginKind.SINK), tuple("sensors", PluginKind.SOURCE));
            ConnectorCatalog connectors = loaded.connectors();

            StreamEnvironment write = StreamEnvironment.create().setParallelism(2);
            DataStream<Object> readings = connectors.fromConfiguration(write,
                    Map.of("source", "sensors", "sensors", "3", "readings", "40", "seed", "11"));
            CollectSink<Object> written = Sinks.collect();
            readings.sinkTo(written);
            DataStream<String> lines = readings.map(Object::toString);
            lines.sinkTo(connectors.createSink(Map.of("sink", "chronicle", "path", queue.toString(), "sink-id", "dist")));
            write.execute("sensors into a chronicle queue, both from the distribution's plugins");

            assertThat(written.results()).hasSize(120).allSatisfy(r -> assertThat(
                    ((PluginClassLoader) r.getClass().getClassLoader()).folder()).isEqualTo(plugins.resolve("sensors")));

            StreamEnvironment read = StreamEnvironment.create().setParallelism(1);
            CollectSink<Object> replayed = Sinks.collect();
            connectors.fromConfiguration(read, Map.of("source", "chronicle", "path", queue.toString(), "bounded", "true"))
                    .sinkTo(replayed);
            read.execute("the queue read back, committed records only");

            assertThat(replayed.results()).containsExactlyInAnyOrderElementsOf(
                    written.results().stream().map(Object::toString).toList());
        }
    }
}
