package io.weir.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunFolderTest {
    @TempDir
    Path dir;

    static RunData sample(String engine, long rate, long latencyBase) {
        Histogram total = new Histogram(3);
        List<Histogram> intervals = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Histogram h = new Histogram(3);
            for (long v = 1; v <= 1_000; v++) {
                h.recordValue(latencyBase + v * 1_000);
            }
            h.setStartTimeStamp(1_700_000_000_000L + s * 1_000L);
            h.setEndTimeStamp(1_700_000_001_000L + s * 1_000L);
            intervals.add(h);
            total.add(h);
        }
        RunSummary summary = new RunSummary(engine, "1.0", "q1", rate > 0 ? "latency" : "throughput", 3_000_000, rate, 2,
                Map.of("scheduler", "cooperative", "checkpoint.interval-ms", "1000"), new RunSummary.Machine(2, "Linux", 1L << 34),
                new RunSummary.Jvm("25", "vendor", List.of("-Xmx2g")), "2026-01-01T00:00:00Z", 3_000_000_000L, 1e6, 6e5,
                rate > 0 ? new RunSummary.Latency(500_000, 900_000, 990_000, 999_000, 1_000_000, 1_000_000, 500_000, 3_000) : null,
                rate > 0 ? 1.0 : null, "a note", 2_760_000L, 5.0, List.of(0.5, 0.7), Map.of("count", 3L));
        List<ThroughputRow> rows = List.of(new ThroughputRow(0, 1_000_000, 920_000), new ThroughputRow(1, 1_000_000, 920_000),
                new ThroughputRow(2, 1_000_000, 920_000));
        return new RunData(summary, total, intervals, rows);
    }

    @Test
    void shouldWriteTheHiccupLogAndSummaryOfALatencyRunAndReadThemBack() throws IOException {
        RunData sample = sample("weir", 1_000_000, 0);
        Histogram second = new Histogram(3);
        second.recordValue(30_000_000); // a 30 ms stall of the platform
        second.setStartTimeStamp(1_700_000_000_000L);
        second.setEndTimeStamp(1_700_000_001_000L);
        RunSummary.Latency hiccups = new RunSummary.Latency(1_000, 2_000, 3_000, 4_000, 30_000_000, 30_000_000, 1_500, 1_000);
        RunSummary s = sample.summary();
        RunSummary summary = new RunSummary(s.engine(), s.engineVersion(), s.workload(), s.mode(), s.events(), s.targetRate(),
                s.parallelism(), s.config(), s.machine(), s.jvm(), s.startedAt(), s.elapsedNanos(), s.eventsPerSecond(),
                s.eventsPerSecondPerCore(), s.latencyNanos(), s.keptUpFraction(), s.notes(), s.sinkRecords(), s.cpuSeconds(),
                s.loadAverage(), s.gc(), hiccups);

        RunFolder.write(dir, new RunData(summary, sample.latency(), sample.intervals(), sample.throughput(), List.of(second)));

        assertThat(RunFolder.read(dir).summary().hiccupNanos()).isEqualTo(hiccups);
        try (java.io.InputStream in = Files.newInputStream(dir.resolve(RunFolder.HICCUPS))) {
            org.HdrHistogram.HistogramLogReader log = new org.HdrHistogram.HistogramLogReader(in);
            Histogram read = (Histogram) log.nextIntervalHistogram();
            assertThat(read.getMaxValue()).isEqualTo(second.getMaxValue());
            assertThat(log.nextIntervalHistogram()).isNull();
        }
        // a run without hiccups (throughput, the Flink runner's) writes no hiccup log and no key
        RunFolder.write(dir.resolve("plain"), sample("weir", 0, 0));
        assertThat(dir.resolve("plain").resolve(RunFolder.HICCUPS)).doesNotExist();
        assertThat(new ObjectMapper().readTree(dir.resolve("plain").resolve(RunFolder.SUMMARY).toFile()).has("hiccupNanos")).isFalse();
    }

    @Test
    void shouldWriteEveryKeyOfTheContractIntoTheSummary() throws IOException {
        RunFolder.write(dir, sample("weir", 1_000_000, 0));

        JsonNode json = new ObjectMapper().readTree(dir.resolve(RunFolder.SUMMARY).toFile());
        assertThat(json.fieldNames()).toIterable().contains("engine", "engineVersion", "workload", "mode", "events", "targetRate",
                "parallelism", "config", "machine", "jvm", "startedAt", "elapsedNanos", "eventsPerSecond",
                "eventsPerSecondPerCore", "latencyNanos", "keptUpFraction", "notes");
        assertThat(json.get("latencyNanos").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("p50", "p90", "p99", "p999", "p9999", "max", "mean", "count");
        assertThat(json.get("machine").fieldNames()).toIterable().containsExactlyInAnyOrder("cores", "os", "memoryBytes");
        assertThat(json.get("jvm").fieldNames()).toIterable().containsExactlyInAnyOrder("version", "vendor", "args");
        assertThat(json.get("config").get("scheduler").asText()).isEqualTo("cooperative");
    }

    @Test
    void shouldLeaveTheLatencyOutOfAThroughputSummary() throws IOException {
        RunFolder.write(dir, sample("weir", 0, 0));

        JsonNode json = new ObjectMapper().readTree(dir.resolve(RunFolder.SUMMARY).toFile());
        assertThat(json.has("latencyNanos")).isFalse();
        assertThat(json.has("keptUpFraction")).isFalse();
    }

    @Test
    void shouldWriteAParseablePercentileDistributionInMicroseconds() {
        RunFolder.write(dir, sample("weir", 1_000_000, 0));

        LoadedRun run = RunFolder.read(dir);
        assertThat(run.percentiles()).isNotEmpty();
        assertThat(run.percentiles().getFirst().percentile()).isZero();
        assertThat(run.percentiles().getLast().percentile()).isEqualTo(1.0);
        // values were 1..1000 microseconds, written in nanoseconds and scaled to microseconds
        assertThat(run.percentiles().getLast().micros()).isBetween(999.0, 1_001.0);
        assertThat(run.percentiles()).isSortedAccordingTo((a, b) -> Double.compare(a.percentile(), b.percentile()));
    }

    @Test
    void shouldWriteOneIntervalPerSecondIntoTheLog() throws IOException {
        RunFolder.write(dir, sample("weir", 1_000_000, 0));

        var reader = new org.HdrHistogram.HistogramLogReader(dir.resolve(RunFolder.HLOG).toFile());
        int intervals = 0;
        long count = 0;
        while (reader.nextIntervalHistogram() instanceof org.HdrHistogram.Histogram h) {
            intervals++;
            count += h.getTotalCount();
        }
        assertThat(intervals).isEqualTo(3);
        assertThat(count).isEqualTo(3_000);
    }

    @Test
    void shouldWriteTheThroughputCsvWithTheContractsHeader() throws IOException {
        RunFolder.write(dir, sample("weir", 0, 0));

        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.CSV));
        assertThat(lines.getFirst()).isEqualTo("second,events,sinkRecords");
        assertThat(lines).hasSize(4).contains("1,1000000,920000");
        assertThat(RunFolder.read(dir).throughput()).hasSize(3);
    }

    @Test
    void shouldReadBackTheSummary() {
        RunFolder.write(dir, sample("flink", 1_000_000, 0));

        RunSummary summary = RunFolder.read(dir).summary();
        assertThat(summary.engine()).isEqualTo("flink");
        assertThat(summary.latencyNanos().p9999()).isEqualTo(1_000_000);
        assertThat(summary.label()).isEqualTo("flink q1 latency 1M/s p=2 cooperative checkpoints 1000 ms");
    }

    @Test
    void shouldLabelTheFlinkRunnersCheckpointInterval() {
        RunSummary flink = TargetsTest.throughput("flink", "q1", 5e6, Map.of("checkpointIntervalMs", "500"));

        assertThat(flink.label()).isEqualTo("flink q1 throughput p=1 checkpoints 500 ms");
    }

    @Test
    void shouldReadASummaryThatUsesWeirsExtraKeysDifferently() throws IOException {
        RunFolder.write(dir, sample("flink", 0, 0));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(dir.resolve(RunFolder.SUMMARY).toFile());
        tree.putObject("loadAverage").put("atStart", 1.5).put("atEnd", 2.5);
        new ObjectMapper().writeValue(dir.resolve(RunFolder.SUMMARY).toFile(), tree);

        RunSummary summary = RunFolder.read(dir).summary();

        assertThat(summary.engine()).isEqualTo("flink");
        assertThat(summary.loadAverage()).isNull();
        assertThat(summary.eventsPerSecond()).isEqualTo(1e6);
    }

    @Test
    void shouldNameTheMissingFileOfAnIncompleteFolder() throws IOException {
        RunFolder.write(dir, sample("weir", 0, 0));
        Files.delete(dir.resolve(RunFolder.HGRM));

        assertThatThrownBy(() -> RunFolder.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency.hgrm").hasMessageContaining(dir.toString());
    }

    @Test
    void shouldNameTheLineOfAMalformedDistribution() throws IOException {
        RunFolder.write(dir, sample("weir", 0, 0));
        Files.writeString(dir.resolve(RunFolder.HGRM), "       Value     Percentile TotalCount 1/(1-Percentile)\n\n  1.0 x 3 4\n");

        assertThatThrownBy(() -> RunFolder.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void shouldAcceptTheEmptyHistogramOfAThroughputRun() {
        RunData run = sample("weir", 0, 0);
        RunFolder.write(dir, new RunData(run.summary(), new Histogram(3), List.of(), run.throughput()));

        assertThat(RunFolder.read(dir).percentiles()).isEmpty();
    }
}
