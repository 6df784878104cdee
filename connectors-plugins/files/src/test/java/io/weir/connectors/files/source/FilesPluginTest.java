package io.weir.connectors.files.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.config.Configuration;
import io.weir.plugins.PluginKind;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import io.weir.spi.plugin.SpiVersion;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector as a folder plugin, the way {@code weir plugins} finds it: its jar and its libraries in
 * {@code plugins/files/}, loaded in its own class loader, listed with the descriptor's name and version, and
 * building a source from configuration.
 */
class FilesPluginTest {
    @TempDir
    Path plugins;

    @TempDir
    Path data;

    @Test
    void shouldCarryACorrectDescriptor() throws IOException {
        Properties descriptor = new Properties();
        try (var in = FileSourceFactory.class.getClassLoader().getResourceAsStream("META-INF/weir-plugin.properties")) {
            descriptor.load(in);
        }
        assertThat(descriptor.getProperty("name")).isEqualTo("files");
        assertThat(descriptor.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Integer.parseInt(descriptor.getProperty("spi-version"))).isEqualTo(SpiVersion.CURRENT);
    }

    @Test
    void shouldBeListedAndUsableAsAFolderPlugin() throws Exception {
        Path classes = location(FileSourceFactory.class);
        Path folder = Files.createDirectories(plugins.resolve("files"));
        jar(classes, folder.resolve("weir-connector-files.jar"));
        for (Class<?> library : List.of(CSVFormat.class, ObjectMapper.class, JsonParser.class, JsonProperty.class,
                org.apache.commons.io.IOUtils.class, org.apache.commons.codec.Charsets.class)) {
            Path jar = location(library);
            Files.copy(jar, folder.resolve(jar.getFileName()));
        }
        ClassLoader withoutThisModule = hiding(classes.toUri().toURL().toString());

        try (Plugins loaded = PluginLoader.load(withoutThisModule, plugins)) {
            assertThat(loaded.errors()).isEmpty();
            PluginRow row = loaded.describe().stream().filter(r -> r.name().equals("files")).findFirst().orElseThrow();
            assertThat(row.kind()).isEqualTo(PluginKind.SOURCE);
            assertThat(row.version()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(row.origin()).contains(folder.toString());

            Files.writeString(data.resolve("a.json"), "{\"x\": 1}\n");
            var source = loaded.sources().get("files").validateAndCreate(Configuration.fromMap(
                    Map.of("path", data.toString(), "format", "json")));
            assertThat(source.getClass().getClassLoader()).isNotSameAs(FileSourceFactory.class.getClassLoader());
        }
    }

    /** The test class path without this module's own classes and service files (so the plugin copy is the only one). */
    private static ClassLoader hiding(String prefix) {
        return new ClassLoader(FilesPluginTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(super.getResources(name));
                urls.removeIf(u -> u.toString().startsWith(prefix));
                return Collections.enumeration(urls);
            }

            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.weir.connectors.")) {
                    throw new ClassNotFoundException(name + " is hidden from the parent of the plugin");
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, j);
                j.closeEntry();
            }
        }
    }
}
