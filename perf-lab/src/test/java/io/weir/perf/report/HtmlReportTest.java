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
                .contains("Latency by percentile", "Throughput per second", "99.99%");
        // one latency curve per run, and an events and a results line per run in the timeline
        assertThat(html.split("<polyline", -1)).hasSize(1 + 2 + 4);
        assertThat(html).doesNotContain("http://", "https://www", "<script");
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
