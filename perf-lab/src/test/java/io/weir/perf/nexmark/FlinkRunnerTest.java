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
                "--parallelism", "1", "--checkpoint-interval-ms", "0", "--out", dir.toString(), "--seed", "42",
                "--start-millis", "1767225600000", "--event-interval-ns", "1000", "--out-of-orderness-ms", "0",
                "--late-fraction", "0.0", "--warmup", Long.toString(config.warmup()));
    }

    @Test
    void shouldGiveTheFlinkJvmTheHeapAndCollectorOfWeirsJvmOnly() {
        java.util.List<String> weirJvm = java.util.List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xms2g",
                "-Xmx2g", "-XX:+AlwaysPreTouch", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseZGC",
                "-XX:MaxGCPauseMillis=5", "-XX:+UseCompressedOops", "-Dweir.home=/w");
        BenchConfig config = BenchConfig.defaults(Workload.Q1).withEvents(1_000);

        java.util.List<String> command = FlinkRunner.onClasspath(JAVA, "/x.jar").withMemoryFlags(weirJvm).command(config, dir);

        // the memory flags before the class path; module openings, JDK 25-only options and properties stay behind
        assertThat(command.subList(0, 9)).containsExactly(JAVA.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseZGC", "-XX:MaxGCPauseMillis=5", "-cp", "/x.jar");
        assertThat(command).doesNotContain("--sun-misc-unsafe-memory-access=allow", "-XX:+UseCompressedOops", "-Dweir.home=/w");
        assertThat(FlinkRunner.memoryFlags(java.util.List.of("-Xmx1g"))).containsExactly("-Xmx1g");
    }

    @Test
    void shouldPassTheCheckpointIntervalRateAndEventTimeOfALatencyRun() {
        BenchConfig config = new BenchConfig(Workload.Q1, 30_000_000, 700_000, 2, 7, "cooperative",
                io.weir.api.config.IdleStrategyKind.BACKOFF, io.weir.api.config.ExchangeMode.OBJECT, "heap",
                java.time.Duration.ofSeconds(1), 0, Map.of(), "");

        java.util.List<String> command = FlinkRunner.onClasspath(JAVA, "/x.jar").command(config, dir);

        String line = String.join(" ", command);
        // 1e9 / 700,000 = 1428.57 ns: rounded as Weir's harness does (the runner's own default would truncate)
        assertThat(line).contains("--rate 700000", "--parallelism 2", "--checkpoint-interval-ms 1000", "--seed 7",
                "--events 30000000", "--event-interval-ns 1429", "--start-millis 1767225600000");
        assertThat(command).doesNotContain("--warmup"); // this run asks for no warm-up
        BenchConfig warm = new BenchConfig(Workload.Q1, 30_000_000, 700_000, 2, 7, "cooperative",
                io.weir.api.config.IdleStrategyKind.BACKOFF, io.weir.api.config.ExchangeMode.OBJECT, "heap",
                java.time.Duration.ofSeconds(1), 5_000_000, Map.of(), "");
        // the latency warm-up, as Weir's: results closed by the first 5 M events are not measured by Flink either
        assertThat(String.join(" ", FlinkRunner.onClasspath(JAVA, "/x.jar").command(warm, dir))).contains("--warmup 5000000");
        assertThat(config.describe()).containsEntry("eventTime",
                "start 1767225600000 ms, 1429 ns per event, out-of-orderness 0 ms, late fraction 0.0");
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

    @Test
    void shouldGiveTheRunnerWhatMakesBothRunsComparable() {
        FlinkRunner runner = FlinkRunner.onClasspath(JAVA, System.getProperty("java.class.path"));
        BenchConfig config = new BenchConfig(Workload.Q1, 4_321, 0, 2, 9, "cooperative",
                io.weir.api.config.IdleStrategyKind.BACKOFF, io.weir.api.config.ExchangeMode.OBJECT, "heap",
                java.time.Duration.ofMillis(500), 0, Map.of(), "");

        runner.run(config, dir.resolve("flink"));

        var flink = RunFolder.read(dir.resolve("flink")).summary();
        assertThat(flink.config()).containsEntry("checkpointIntervalMs", "500").containsEntry("seed", "9")
                .containsEntry("eventTime", config.describe().get("eventTime"));
        // a Weir summary of the same configuration pairs with it for the q1 target
        var weir = new io.weir.perf.report.RunSummary("weir", "1", "q1", "throughput", 4_321, 0, 2, config.describe(),
                flink.machine(), flink.jvm(), flink.startedAt(), 1, 4e6, 4e6, null, null, "", null, null, null, null);
        var evaluation = io.weir.perf.report.Targets.evaluate(java.util.List.of(weir, flink));
        assertThat(evaluation.verdicts()).extracting(v -> v.target().id()).containsExactly("T1");
    }
}
