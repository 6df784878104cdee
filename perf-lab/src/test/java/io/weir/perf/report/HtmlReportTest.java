package io.weir.perf.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void shouldOverlayEveryRunInOneSelfContainedPage() throws Exception {
        RunFolder.write(dir.resolve("weir"), RunFolderTest.sample("weir", 1_000_000, 0));
        RunFolder.write(dir.resolve("flink"), RunFolderTest.sample("flink", 1_000_000, 5_000_000));
        Path report = dir.resolve("compare.html");

        HtmlReport.write(report, "q1 <weir vs flink>", List.of(RunFolder.read(dir.resolve("weir")), RunFolder.read(dir.resolve("flink"))));

        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("q1 &lt;weir vs flink&gt;")
                .contains("weir q1 latency 1M/s p=2", "flink q1 latency 1M/s p=2")
                .contains("Latency by percentile", "Throughput per second", "99.99%")
                // the Weir run is a q1 run at 1 M/s with a checkpoint every second, its p99.99 1 ms: not under 1 ms
                .contains("<td class=\"l\">T6</td>", "p99.99 1 ms", ">MISSED</td>", "missed by 1x");
        // one latency curve per run, and an events and a results line per run in the timeline
        assertThat(html.split("<polyline", -1)).hasSize(1 + 2 + 4);
        assertThat(html).doesNotContain("http://", "https://www", "<script");
    }

    @Test
    void shouldJudgeTheTargetsInATable() {
        RunData weir = RunFolderTest.sample("weir", 0, 0);
        RunData flink = RunFolderTest.sample("flink", 0, 0);
        RunFolder.write(dir.resolve("weir"), new RunData(TargetsTest.throughput("weir", "q1", 24e6, java.util.Map.of()),
                weir.latency(), weir.intervals(), weir.throughput()));
        RunFolder.write(dir.resolve("flink"), new RunData(TargetsTest.throughput("flink", "q1", 5e6, java.util.Map.of()),
                flink.latency(), flink.intervals(), flink.throughput()));

        String html = HtmlReport.render("q1", List.of(RunFolder.read(dir.resolve("weir")), RunFolder.read(dir.resolve("flink"))));

        assertThat(html).contains("<h2>Targets</h2>", "<table class=\"targets\">",
                "<td class=\"l\">T1</td>", "q1 / Flink events/s 4.8x", "q1 / Flink events/s &gt;= 4x", ">MET</td>",
                "met by 1.2x", "24 M/s vs 5 M/s",
                // q1 without a generator run: T2 has no verdict, and the report says why
                "<b>T2</b>", "no generator run");
        assertThat(html.indexOf("<h2>Targets</h2>")).isLessThan(html.indexOf("Latency by percentile"));
    }

    @Test
    void shouldSayWhenNoTargetApplies() {
        RunData run = RunFolderTest.sample("flink", 0, 0);
        RunFolder.write(dir, run);

        assertThat(HtmlReport.render("flink alone", List.of(RunFolder.read(dir))))
                .contains("<h2>Targets</h2>", "No target of the performance issue applies to this run");
    }

    @Test
    void shouldSayWhenNoRunMeasuredLatency() {
        RunData run = RunFolderTest.sample("weir", 0, 0);
        RunFolder.write(dir, new RunData(run.summary(), new org.HdrHistogram.Histogram(3), List.of(), run.throughput()));

        String html = HtmlReport.render("throughput", List.of(RunFolder.read(dir)));

        assertThat(html).contains("No latency measured");
    }

    @Test
    void shouldLabelThePercentileAxisInNines() {
        assertThat(HtmlReport.percentLabel(1)).isEqualTo("90%");
        assertThat(HtmlReport.percentLabel(2)).isEqualTo("99%");
        assertThat(HtmlReport.percentLabel(4)).isEqualTo("99.99%");
        assertThat(HtmlReport.duration(850)).isEqualTo("850 µs");
        assertThat(HtmlReport.duration(1_200)).isEqualTo("1.20 ms");
        assertThat(HtmlReport.duration(0.05)).isEqualTo("50 ns");
    }
}
