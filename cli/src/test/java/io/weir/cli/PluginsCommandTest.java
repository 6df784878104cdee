package io.weir.cli;

import io.weir.examples.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final WeirCli cli = new WeirCli(Examples.of(List.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @TempDir
    Path plugins;

    @TempDir
    Path userPlugins;

    @Test
    void shouldListTheClassPathFactoriesWithNameVersionKindAndOrigin() {
        int exit = cli.execute("plugins", "--plugins-dir", plugins.toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("NAME", "VERSION", "KIND", "ORIGIN")
                .containsPattern("(?m)^  cooperative +\\S+ +scheduler +class path \\(")
                .containsPattern("(?m)^  filesystem +\\S+ +checkpoint storage +class path \\(")
                .doesNotContain("Refused:");
    }

    @Test
    void shouldListRefusedPluginsNamingTheirFolder() throws Exception {
        Files.createDirectories(plugins.resolve("broken"));

        int exit = cli.execute("plugins", "--plugins-dir", plugins.toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("Refused:", "  " + plugins.resolve("broken") + ": holds no .jar file");
    }

    @Test
    void shouldTakeThePluginsFoldersFromTheOptionsElseFromThePropertyElsePlugins() {
        String property = "/opt/weir/plugins" + java.io.File.pathSeparator + "my-plugins" + java.io.File.pathSeparator;

        assertThat(PluginsCommand.folders(List.of(Path.of("a"), Path.of("b")), property))
                .containsExactly(Path.of("a"), Path.of("b"));
        assertThat(PluginsCommand.folders(null, property)).containsExactly(Path.of("/opt/weir/plugins"), Path.of("my-plugins"));
        assertThat(PluginsCommand.folders(null, null)).containsExactly(Path.of("plugins"));
    }

    @Test
    void shouldLoadEveryFolderGivenAndNameTheFolderOfARefusedPlugin() throws Exception {
        Path broken = Files.createDirectories(userPlugins.resolve("broken"));

        int exit = cli.execute("plugins", "--plugins-dir", plugins.toString(), "--plugins-dir", userPlugins.toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("Plugins (class path and " + plugins + ", " + userPlugins + "):",
                "  " + broken + ": holds no .jar file");
    }

    @Test
    void shouldOfferThePluginsCommandInTheHelp() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(out()).contains("plugins");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
