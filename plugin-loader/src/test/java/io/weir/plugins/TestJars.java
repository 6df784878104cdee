package io.weir.plugins;

import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles Java sources with the test's JDK and packs them, with resources, into jars: test plugins. */
final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles {@code sources} (class name to source text) against Weir's api and spi and {@code classPath},
     * then writes a jar at {@code jar} holding the classes and {@code resources} (path to text). Sources and
     * classes go to a new folder under {@code scratch}. Sources of Weir's own api and spi types are compiled
     * in place of the real ones (javac prefers a given source to the class path) but left out of the jar:
     * stand-ins for an older SPI that the plugin is compiled against.
     */
    static Path build(Path scratch, Path jar, Map<String, String> sources, Map<String, String> resources,
                      Path... classPath) throws IOException {
        Path work = Files.createTempDirectory(Files.createDirectories(scratch), "javac");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (var entry : sources.entrySet()) {
            Path file = src.resolve(entry.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
            files.add(file);
        }
        if (!files.isEmpty()) {
            compile(files, classes, classPath);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("io/weir/api/") && !name.startsWith("io/weir/spi/")) {
                    put(out, name, Files.readAllBytes(file));
                }
            }
            for (var resource : resources.entrySet()) {
                put(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void put(OutputStream out, String name, byte[] bytes) throws IOException {
        JarOutputStream jar = (JarOutputStream) out;
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static void compile(List<Path> files, Path classes, Path... classPath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("the tests need a JDK, not a JRE").isNotNull();
        List<Path> path = new ArrayList<>(List.of(locationOf(Source.class), locationOf(SourceFactory.class)));
        path.addAll(List.of(classPath));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-proc:none",
                    "-cp", String.join(java.io.File.pathSeparator, path.stream().map(Path::toString).toList()));
            boolean ok = compiler.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertThat(ok).as("compiling test plugin sources: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    /** The class-path entry (folder or jar) that holds {@code type}. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code lib.Greeting} whose {@code text()} returns {@code version}: the "library" plugins bundle. */
    static Map<String, String> greetingLibrary(String version) {
        return Map.of("lib.Greeting", """
                package lib;
                public final class Greeting {
                    public static String text() { return "%s"; }
                }
                """.formatted(version));
    }

    /**
     * A source factory {@code plugin.GreetingSourceFactory} named {@code factoryName} whose sources are
     * {@code Supplier<String>}s answering "greeting/context-loader-is-the-plugin's".
     */
    static Map<String, String> greetingPlugin(String factoryName) {
        return Map.of("plugin.GreetingSourceFactory", """
                package plugin;
                import io.weir.api.config.ConfigOption;
                import io.weir.api.config.Configuration;
                import io.weir.api.connector.Source;
                import java.util.Set;
                public final class GreetingSourceFactory implements io.weir.spi.plugin.SourceFactory {
                    public String name() { return "%s"; }
                    public String description() { return "greets with " + lib.Greeting.text(); }
                    public Set<ConfigOption<?>> requiredOptions() { return Set.of(); }
                    public Set<ConfigOption<?>> optionalOptions() { return Set.of(); }
                    public Source<?> create(Configuration configuration) {
                        boolean context = Thread.currentThread().getContextClassLoader() == getClass().getClassLoader();
                        return new Greeter(lib.Greeting.text() + "/" + context);
                    }
                }
                """.formatted(factoryName), "plugin.Greeter", """
                package plugin;
                public record Greeter(String text) implements io.weir.api.connector.Source<String>,
                        java.util.function.Supplier<String> {
                    public String get() { return text; }
                }
                """);
    }

    /** A descriptor file's text. */
    static String descriptor(String name, String version, int spiVersion) {
        return "name=" + name + "\nversion=" + version + "\nspi-version=" + spiVersion + "\n";
    }

    /** The services file path for {@code service}. */
    static String services(Class<?> service) {
        return "META-INF/services/" + service.getName();
    }
}
