package io.weir.cli;

import io.weir.examples.Examples;
import io.weir.perf.report.RunFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final WeirCli cli = new WeirCli(Examples.of(List.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @AfterEach
    void clearHome() {
        System.clearProperty("weir.home");
    }

    @Test
    void shouldListBenchInTheHelp() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(out()).contains("bench");
        assertThat(cli.execute("help", "bench")).isZero();
        assertThat(out()).contains("<workload>", "--rate", "--checkpoint-interval", "--vs", "compare", "tumbling-count");
    }

    @Test
    void shouldWriteARunFolderWithAReport() {
        int exit = cli.execute("bench", "q2", "--events", "20k", "--warmup", "0", "-p", "2", "-o", dir.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(dir.resolve(RunFolder.SUMMARY)).exists();
        assertThat(dir.resolve(RunFolder.HGRM)).exists();
        assertThat(dir.resolve(RunFolder.HLOG)).exists();
        assertThat(dir.resolve(RunFolder.CSV)).exists();
        assertThat(dir.resolve(RunFolder.REPORT)).exists();
        assertThat(out()).contains("weir q2 throughput p=2", "events/s", "run folder: " + dir.toAbsolutePath())
                .contains("targets: none of the performance issue's targets applies to this run");
        assertThat(err()).contains("/ 20,000 events");
    }

    @Test
    void shouldMeasureLatencyAtARate() {
        int exit = cli.execute("bench", "tumbling-count", "--rate", "100k", "--events", "30k", "--warmup", "10k",
                "-o", dir.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("latency: p50", "p99.99", "kept up");
        assertThat(RunFolder.read(dir).summary().latencyNanos().count()).isPositive();
    }

    @Test
    void shouldRejectAnUnknownWorkloadNamingTheKnownOnes() {
        int exit = cli.execute("bench", "q99");

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("unknown workload 'q99'", "q0, q1, q2, q5, q7, q8, session, tumbling-count");
    }

    @Test
    void shouldRejectAMalformedCount() {
        int exit = cli.execute("bench", "q1", "--events", "lots");

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("--events must be a whole count", "'lots'");
    }

    @Test
    void shouldSayHowToEnableTheFlinkRunnerWhenItIsMissing() {
        System.setProperty("weir.home", dir.toString());

        int exit = cli.execute("bench", "q5", "--vs", "flink", "--flink-java", Path.of(System.getProperty("java.home"), "bin",
                "java").toString());

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("--vs flink", "Flink runner is not available", "profile 'flink'");
        assertThat(out()).doesNotContain("run folder");
    }

    @Test
    void shouldOverlayRunFoldersInOneReport() {
        assertThat(cli.execute("bench", "q0", "-n", "10k", "--warmup", "0", "-o", dir.resolve("a").toString())).isZero();
        assertThat(cli.execute("bench", "q0", "-n", "10k", "--warmup", "0", "-s", "dedicated", "-o",
                dir.resolve("b").toString())).isZero();
        Path report = dir.resolve("compare.html");

        int exit = cli.execute("bench", "compare", dir.resolve("a").toString(), dir.resolve("b").toString(), "-o", report.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(report).content().contains("weir q0 throughput p=1 cooperative", "weir q0 throughput p=1 dedicated");
        assertThat(out()).contains("report: " + report.toAbsolutePath());
    }

    @Test
    void shouldPrintTheTargetsThatARunCanJudgeAfterItsSummary() {
        int exit = cli.execute("bench", "q1", "-n", "10k", "--warmup", "0", "-o", dir.toString());

        assertThat(exit).as(err()).isZero();
        String out = out();
        assertThat(out).contains("targets (performance issue", "T1 no verdict: no Flink q1 throughput run",
                "T2 no verdict: no generator run");
        assertThat(out.indexOf("targets (")).isGreaterThan(out.indexOf("events/s")).isLessThan(out.indexOf("run folder:"));
    }

    @Test
    void shouldJudgeTheGeneratorTargetWhenComparingQ1WithTheGenerator() {
        assertThat(cli.execute("bench", "q1", "-n", "10k", "--warmup", "0", "-o", dir.resolve("q1").toString())).isZero();
        assertThat(cli.execute("bench", "generator", "-n", "10k", "--warmup", "0", "-o", dir.resolve("gen").toString())).isZero();
        out.reset();

        int exit = cli.execute("bench", "compare", dir.resolve("q1").toString(), dir.resolve("gen").toString(), "-o",
                dir.resolve("c.html").toString());

        assertThat(exit).as(err()).isZero();
        // met or missed depends on this machine's speed; that a verdict is given, and on which runs, does not
        assertThat(out()).containsPattern("  T2 (MET|MISSED)( by [0-9.]+x)?: generator / q1 events/s [0-9.]+x \\(target <= 1.5x; ")
                .contains("[#1 weir q1 throughput p=1", "vs #2 weir generator throughput p=1]")
                .doesNotContain("T2 no verdict");
        assertThat(dir.resolve("c.html")).content().contains("<h2>Targets</h2>", "<td class=\"l\">T2</td>");
    }

    @Test
    void shouldNameTheFolderThatIsNotARun() {
        int exit = cli.execute("bench", "compare", dir.resolve("missing").toString());

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("not a run folder", "missing");
    }

    @Test
    void shouldParseCountsWithSuffixes() {
        assertThat(Sizes.parse("50_000", "-n")).isEqualTo(50_000);
        assertThat(Sizes.parse("100k", "-n")).isEqualTo(100_000);
        assertThat(Sizes.parse("1.5M", "-n")).isEqualTo(1_500_000);
        assertThat(Sizes.parse("2G", "-n")).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> Sizes.parse("1.5", "--rate")).hasMessageContaining("--rate");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
