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
    void shouldOfferThePluginsCommandInTheHelp() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(out()).contains("plugins");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
