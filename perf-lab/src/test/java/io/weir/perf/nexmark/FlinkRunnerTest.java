package io.weir.perf.nexmark;

import io.weir.perf.report.LoadedRun;
import io.weir.perf.report.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkRunnerTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void shouldSayHowToEnableTheRunnerWhenItIsMissing() {
        FlinkRunner.Located located = FlinkRunner.locate(null, JAVA, Map.of(), dir);

        assertThat(located.runner()).isEmpty();
        assertThat(located.problem()).contains("not available", "profile 'flink'", "-Pflink", "WEIR_FLINK_CLASSPATH",
                dir.resolve(FlinkRunner.ARGFILE).toString());
    }

    @Test
    void shouldFindTheClassPathThatTheFlinkProfileWrote() throws Exception {
        Path file = dir.resolve(FlinkRunner.CLASSPATH_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "/a.jar:/b.jar\n");

        FlinkRunner.Located located = FlinkRunner.locate(null, JAVA, Map.of(), dir);

        assertThat(located.runner()).contains(FlinkRunner.onClasspath(JAVA, "/a.jar:/b.jar"));
    }

    @Test
    void shouldPreferTheArgumentFileWithTheRunnersJvmFlags() throws Exception {
        for (String name : new String[]{FlinkRunner.CLASSPATH_FILE, FlinkRunner.ARGFILE}) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "-cp /a.jar\n");
        }

        FlinkRunner.Located located = FlinkRunner.locate(null, JAVA, Map.of(), dir);

        assertThat(located.runner()).contains(new FlinkRunner(JAVA, java.util.List.of("@" + dir.resolve(FlinkRunner.ARGFILE))));
    }

    @Test
    void shouldPreferTheEnvironmentToTheFile() {
        FlinkRunner.Located located = FlinkRunner.locate(null, null,
                Map.of("WEIR_FLINK_CLASSPATH", "/c.jar", "WEIR_FLINK_JAVA", JAVA.toString()), dir);

        assertThat(located.runner()).contains(FlinkRunner.onClasspath(JAVA, "/c.jar"));
    }

    @Test
    void shouldPassTheContractsCommandLine() {
        BenchConfig config = BenchConfig.defaults(Workload.Q5).withEvents(1_000);

        assertThat(FlinkRunner.onClasspath(JAVA, "/x.jar").command(config, dir)).containsExactly(JAVA.toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", "/x.jar",
                "io.weir.perf.flink.FlinkBenchMain", "--workload", "q5", "--events", "1000", "--rate", "0",
                "--parallelism", "1", "--out", dir.toString(), "--seed", "42");
    }

    @Test
    void shouldRunTheRunnerInAChildJvmAndReadItsRunFolder() {
        // the test class path holds a stand-in io.weir.perf.flink.FlinkBenchMain
        FlinkRunner runner = FlinkRunner.onClasspath(JAVA, System.getProperty("java.class.path"));
        BenchConfig config = BenchConfig.defaults(Workload.Q1).withEvents(1_234);

        runner.run(config, dir.resolve("flink"));

        LoadedRun run = RunFolder.read(dir.resolve("flink"));
        assertThat(run.summary().engine()).isEqualTo("flink");
        assertThat(run.summary().workload()).isEqualTo("q1");
        assertThat(run.summary().events()).isEqualTo(1_234);
    }
}
