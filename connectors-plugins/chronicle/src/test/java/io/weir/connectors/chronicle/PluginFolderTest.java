package io.weir.connectors.chronicle;

import io.weir.api.config.Configuration;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.testing.TestEnumeratorContext;
import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;
import io.weir.spi.testing.TestWriterContext;
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

/**
 * The connector as a folder plugin, loaded the way {@code weir plugins} loads it: its own class loader over the
 * connector's jar and Chronicle's (the libraries Maven copied to {@code target/plugin/chronicle}), with only the
 * JDK, Weir's api and spi from the parent. Its source and sink are then driven through the SPI alone.
 */
class PluginFolderTest {
    @TempDir
    Path plugins;

    @TempDir
    Path data;

    @Test
    void shouldLoadFromAPluginFolderAndWriteAndReadThroughTheSpi() throws Exception {
        Path folder = Files.createDirectories(plugins.resolve("chronicle"));
        try (Stream<Path> libraries = Files.list(Path.of("target", "plugin", "chronicle"))) {
            for (Path jar : libraries.filter(p -> p.toString().endsWith(".jar")
                    && !p.getFileName().toString().startsWith("weir-connector-chronicle")).toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        jar(Path.of("target", "classes"), folder.resolve("weir-connector-chronicle.jar"));

        try (Plugins loaded = PluginLoader.load(new ApiAndSpiOnly(getClass().getClassLoader()), plugins)) {
            assertThat(loaded.errors()).isEmpty();
            assertThat(loaded.describe()).extracting(PluginRow::name, PluginRow::version)
                    .contains(org.assertj.core.groups.Tuple.tuple("chronicle", version()));
            SourceFactory sources = loaded.sources().get("chronicle");
            SinkFactory sinks = loaded.sinks().get("chronicle");
            assertThat(loaded.describe()).filteredOn(r -> r.name().equals("chronicle")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.origin()).contains(folder.toString()));

            Path queue = data.resolve("q");
            writeThroughSpi(sinks.validateAndCreate(Configuration.fromMap(Map.of("path", queue.toString()))));
            Object source = sources.validateAndCreate(Configuration.fromMap(Map.of("path", queue.toString(),
                    "bounded", "true")));
            assertThat(readThroughSpi((SplitSource<?, ?>) source)).containsExactly("a", "b");
            assertThat(ChronicleRecords.readCommitted(queue, RecordFormat.strings())).containsExactly("a", "b");
        }
    }

    private static String version() throws IOException {
        try (var in = Files.newInputStream(Path.of("target", "classes", "META-INF", "weir-plugin.properties"))) {
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeThroughSpi(Object sink) throws Exception {
        var s = (TwoPhaseCommitSink<Object, Object>) sink;
        try (PrecommittingSinkWriter<Object, Object> w = s.createWriter(TestWriterContext.fresh(0, 1));
             Committer<Object> c = s.createCommitter(TestWriterContext.fresh(0, 1))) {
            w.write("a", 1);
            w.write("b", 2);
            w.flush(true);
            c.commit(w.prepareCommit(Long.MAX_VALUE));
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends SourceSplit> List<Object> readThroughSpi(SplitSource<?, ?> raw) throws Exception {
        var source = (SplitSource<Object, S>) raw;
        var enumeratorContext = new TestEnumeratorContext<S>(1);
        TestSourceOutput<Object> out = new TestSourceOutput<>();
        try (SplitEnumerator<S> enumerator = source.createEnumerator(enumeratorContext);
             SplitReader<Object, S> reader = source.createReader(new TestReaderContext(0, 1))) {
            enumerator.start();
            reader.start();
            enumerator.handleSplitRequest(0);
            reader.addSplits(enumeratorContext.allAssigned());
            reader.notifyNoMoreSplits();
            for (int polls = 0; polls < 10_000 && reader.pollNext(out) != ReadStatus.END_OF_INPUT; polls++) {
                // poll to the end
            }
        }
        return out.records();
    }

    /**
     * The class path of a distribution without the connector: the JDK, and Weir's api and spi (and SLF4J) from
     * the test's class loader, so that the plugin's factories implement the very SPI the loader checks; nothing
     * else, and no service files (the connector on the test class path would otherwise take the name first).
     */
    private static final class ApiAndSpiOnly extends ClassLoader {
        private final ClassLoader app;

        ApiAndSpiOnly(ClassLoader app) {
            super("api-and-spi-only", ClassLoader.getPlatformClassLoader());
            this.app = app;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.weir.api.") || name.startsWith("io.weir.spi.") || name.startsWith("org.slf4j.")) {
                return app.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
