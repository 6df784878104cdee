package io.weir.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code weir} launcher's heap flags, from its dry run ({@code WEIR_DRY_RUN=1} prints the java command line
 * instead of building and starting it): a benchmark run gets a fixed, pre-touched heap; other commands the default
 * maximum; {@code WEIR_JAVA_OPTS} sizes both.
 */
class LauncherHeapTest {
    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("weir");

    @Test
    void shouldFixAndPreTouchTheHeapOfABenchmarkRunOnly() throws Exception {
        assertThat(heapFlags("", "bench", "q1", "-n", "1M")).containsExactly("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
        assertThat(heapFlags("", "-v", "bench", "q5")).containsExactly("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
        assertThat(heapFlags("", "bench", "compare", "a", "b")).containsExactly("-Xmx2g");
        assertThat(heapFlags("", "bench", "--help")).containsExactly("-Xmx2g");
        assertThat(heapFlags("", "bench", "q1", "-h")).containsExactly("-Xmx2g");
        assertThat(heapFlags("", "run", "wordcount")).containsExactly("-Xmx2g");
    }

    @Test
    void shouldSizeTheHeapFromWeirJavaOpts() throws Exception {
        // the launcher's flags, then the user's (the JVM takes the last of each)
        assertThat(heapFlags("-Xmx4g", "bench", "q1")).containsExactly("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-Xmx4g");
        // an -Xms alone raises the maximum with it, so that the JVM starts (-Xms above -Xmx is refused)
        assertThat(heapFlags("-Xms3g", "run", "wordcount")).containsExactly("-Xmx3g", "-Xms3g");
        assertThat(heapFlags("-Xms3g", "bench", "q5")).containsExactly("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-Xms3g");
    }

    private static List<String> heapFlags(String weirJavaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("WEIR_DRY_RUN", "1");
        env.put("WEIR_JAVA_HOME", System.getProperty("java.home"));
        env.put("WEIR_JAVA_OPTS", weirJavaOpts);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher's dry run ends").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as(out).contains("io.weir.cli.WeirCli");
        return lines.stream().filter(l -> l.startsWith("-Xm") || l.contains("AlwaysPreTouch")).toList();
    }
}
