package io.weir.plugins;

import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.plugin.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.weir.plugins.TestJars.build;
import static io.weir.plugins.TestJars.descriptor;
import static io.weir.plugins.TestJars.greetingLibrary;
import static io.weir.plugins.TestJars.greetingPlugin;
import static io.weir.plugins.TestJars.services;
import static org.assertj.core.api.Assertions.assertThat;

/** Every refused plugin gets an error naming its folder, and the good plugin beside it still loads. */
class PluginErrorsTest {
    @TempDir
    Path root;

    private Path plugins() {
        return root.resolve("plugins");
    }

    /** plugins/<folder>/plugin.jar: the greeting factory named {@code factory}, with lib.Greeting bundled. */
    private void plugin(String folder, String factory, Map<String, String> extraSources, Map<String, String> resources)
            throws Exception {
        Path lib = build(root.resolve("build"), plugins().resolve(folder).resolve("lib.jar"), greetingLibrary(folder), Map.of());
        Map<String, String> sources = new HashMap<>(greetingPlugin(factory));
        sources.putAll(extraSources);
        build(root.resolve("build"), plugins().resolve(folder).resolve("plugin.jar"), sources, resources, lib);
    }

    private void goodPlugin(String folder, String name) throws Exception {
        plugin(folder, folder, Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor(name, "1", SpiVersion.CURRENT),
                services(SourceFactory.class), "plugin.GreetingSourceFactory\n"));
    }

    private Plugins load() {
        return PluginLoader.load(getClass().getClassLoader(), plugins());
    }

    @Test
    void shouldRefuseAnIncompatibleSpiVersionNamingTheFolder() throws Exception {
        goodPlugin("good", "good");
        plugin("future", "future", Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor("future", "9", SpiVersion.CURRENT + 1),
                services(SourceFactory.class), "plugin.GreetingSourceFactory\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().hasToString(plugins().resolve("future")
                    + ": plugin 'future' was built against SPI version " + (SpiVersion.CURRENT + 1)
                    + ", but this Weir accepts SPI version " + SpiVersion.accepted());
            assertThat(plugins.sources()).containsOnlyKeys("numbers", "good");
        }
    }

    @Test
    void shouldRefuseASecondPluginWithTheSameName() throws Exception {
        goodPlugin("a-first", "same");
        goodPlugin("b-second", "same");

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().satisfies(e -> {
                assertThat(e.origin()).isEqualTo(plugins().resolve("b-second").toString());
                assertThat(e.message()).isEqualTo("plugin name 'same' is already used by the plugin in " + plugins().resolve("a-first"));
            });
            assertThat(plugins.sources()).containsOnlyKeys("numbers", "a-first");
        }
    }

    @Test
    void shouldLoadSeveralPluginsFoldersAndKeepNamesUniqueAcrossThem() throws Exception {
        goodPlugin("alpha", "alpha");
        goodPlugin("beta", "same");
        Path distribution = plugins();
        Path user = root.resolve("user-plugins");
        Files.createDirectories(user);
        Files.move(distribution.resolve("beta"), user.resolve("beta"));
        goodPlugin("gamma", "same"); // in plugins/: takes the name first
        Files.move(distribution.resolve("gamma"), distribution.resolve("a-gamma"));

        try (Plugins plugins = PluginLoader.loadFolders(getClass().getClassLoader(), List.of(distribution, user,
                root.resolve("missing")))) {
            assertThat(plugins.sources()).containsOnlyKeys("numbers", "alpha", "gamma");
            assertThat(plugins.describe()).filteredOn(r -> r.name().equals("alpha")).singleElement()
                    .satisfies(r -> assertThat(r.origin()).isEqualTo(distribution.resolve("alpha").toString()));
            assertThat(plugins.errors()).singleElement().satisfies(e -> {
                assertThat(e.origin()).isEqualTo(user.resolve("beta").toString());
                assertThat(e.message()).isEqualTo("plugin name 'same' is already used by the plugin in "
                        + distribution.resolve("a-gamma"));
            });
        }
    }

    @Test
    void shouldRefuseAFactoryNameThatIsAlreadyTaken() throws Exception {
        goodPlugin("good", "good");
        plugin("clash", "numbers", Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor("clash", "1", 1),
                services(SourceFactory.class), "plugin.GreetingSourceFactory\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().satisfies(e -> {
                assertThat(e.origin()).endsWith("clash");
                assertThat(e.message()).startsWith("source name 'numbers' of plugin.GreetingSourceFactory is already taken by class path");
            });
            assertThat(plugins.sources()).containsOnlyKeys("numbers", "good");
            assertThat(plugins.find(PluginKind.SOURCE, "numbers").orElseThrow().origin()).startsWith("class path");
        }
    }

    @Test
    void shouldRefuseAPluginThatListsAMissingClass() throws Exception {
        goodPlugin("good", "good");
        plugin("missing", "missing", Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor("missing", "1", 1),
                services(SourceFactory.class), "plugin.GreetingSourceFactory\nplugin.NoSuchFactory # gone\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().hasToString(plugins().resolve("missing")
                    + ": source factory plugin.NoSuchFactory is listed in META-INF/services/io.weir.spi.plugin.SourceFactory"
                    + " but the class is missing");
            assertThat(plugins.sources()).containsOnlyKeys("numbers", "good");
        }
    }

    @Test
    void shouldRefuseAPluginWhoseFactoryThrowsWhenLoaded() throws Exception {
        goodPlugin("good", "good");
        plugin("throws", "throws", Map.of("plugin.Boom", """
                package plugin;
                public final class Boom extends GreetingSourceFactory {
                    public Boom() { throw new IllegalStateException("boom: no licence key"); }
                }
                """.replace("extends GreetingSourceFactory", "implements io.weir.spi.scheduler.SchedulerFactory")
                .replace("}\n}", "}\n public String name() { return \"boom\"; }\n"
                        + " public io.weir.spi.scheduler.Scheduler create(io.weir.spi.scheduler.SchedulerContext c) { return null; }\n}")),
                Map.of("META-INF/weir-plugin.properties", descriptor("throws", "1", 1),
                        services(SourceFactory.class), "plugin.GreetingSourceFactory\n",
                        services(io.weir.spi.scheduler.SchedulerFactory.class), "plugin.Boom\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().satisfies(e -> {
                assertThat(e.origin()).isEqualTo(plugins().resolve("throws").toString());
                assertThat(e.message()).isEqualTo("scheduler factory plugin.Boom threw when loaded: "
                        + "java.lang.IllegalStateException: boom: no licence key");
                assertThat(e.cause()).isInstanceOf(IllegalStateException.class);
            });
            assertThat(plugins.sources()).as("the plugin is refused whole").containsOnlyKeys("numbers", "good");
            assertThat(plugins.schedulers()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAFactoryOfTheWrongType() throws Exception {
        plugin("wrong", "wrong", Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor("wrong", "1", 1),
                services(io.weir.spi.plugin.SinkFactory.class), "plugin.GreetingSourceFactory\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).singleElement().satisfies(e ->
                    assertThat(e.message()).contains("does not implement io.weir.spi.plugin.SinkFactory"));
        }
    }

    @Test
    void shouldRefuseAPluginWithoutOrWithABadDescriptor() throws Exception {
        plugin("nodescriptor", "nodescriptor", Map.of(), Map.of(services(SourceFactory.class), "plugin.GreetingSourceFactory\n"));
        plugin("baddescriptor", "baddescriptor", Map.of(), Map.of("META-INF/weir-plugin.properties", "name=x\n",
                services(SourceFactory.class), "plugin.GreetingSourceFactory\n"));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).map(PluginError::toString).containsExactly(
                    plugins().resolve("baddescriptor") + ": bad META-INF/weir-plugin.properties: 'version' is missing; "
                            + "'spi-version' is missing (expected keys: name, version, spi-version)",
                    plugins().resolve("nodescriptor") + ": no jar holds the plugin descriptor META-INF/weir-plugin.properties");
        }
    }

    @Test
    void shouldRefuseAFolderWithoutJarsOrFactories() throws Exception {
        Files.createDirectories(plugins().resolve("empty"));
        Files.writeString(plugins().resolve("README.txt"), "not a plugin folder: ignored");
        plugin("nofactory", "nofactory", Map.of(), Map.of("META-INF/weir-plugin.properties", descriptor("nofactory", "1", 1)));

        try (Plugins plugins = load()) {
            assertThat(plugins.errors()).map(PluginError::toString).containsExactly(
                    plugins().resolve("empty") + ": holds no .jar file",
                    plugins().resolve("nofactory") + ": plugin 'nofactory' provides no factory (no META-INF/services file of "
                            + "the source, sink, state backend, scheduler or checkpoint storage factory interfaces)");
        }
    }

    @Test
    void shouldReportABrokenClassPathFactoryAndKeepTheOthers() throws Exception {
        Path broken = Files.createDirectories(root.resolve("cp/META-INF/services"));
        Files.writeString(broken.resolve(SourceFactory.class.getName()), "io.weir.plugins.NotThere\n");
        try (URLClassLoader classPath = new URLClassLoader(new URL[]{root.resolve("cp").toUri().toURL()}, getClass().getClassLoader());
             Plugins plugins = PluginLoader.loadClassPath(classPath)) {
            assertThat(plugins.errors()).singleElement().satisfies(e -> {
                assertThat(e.origin()).isEqualTo("class path");
                assertThat(e.message()).contains("a source factory could not be loaded", "io.weir.plugins.NotThere");
            });
            assertThat(plugins.sources()).containsOnlyKeys("numbers");
        }
    }
}
