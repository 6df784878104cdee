package io.weir.perf.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkBenchMainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Workload.class)
    void shouldRunEveryWorkloadAndWriteTheRunFolder(Workload workload) throws Exception {
        Path out = dir.resolve(workload.id());
        var options = BenchOptions.parse("--workload", workload.id(), "--events", "20000", "--parallelism", "2",
                "--seed", "7", "--out", out.toString());

        var result = FlinkBenchMain.run(options, quiet());

        assertThat(result.events()).isEqualTo(20_000);
        assertThat(result.results()).isPositive();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("engine").asText()).isEqualTo("flink");
        assertThat(summary.get("engineVersion").asText()).startsWith("2.");
        assertThat(summary.get("workload").asText()).isEqualTo(workload.id());
        assertThat(summary.get("mode").asText()).isEqualTo("throughput");
        assertThat(summary.get("events").asLong()).isEqualTo(20_000);
        assertThat(summary.get("parallelism").asInt()).isEqualTo(2);
        assertThat(summary.get("config").get("pipeline.object-reuse").asText()).isEqualTo("true");
        assertThat(summary.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(summary.has("latencyNanos")).isFalse();
        assertThat(out.resolve("latency.hgrm")).exists();
        assertThat(out.resolve("latency.hlog")).exists();
        List<String> csv = Files.readAllLines(out.resolve("throughput.csv"));
        assertThat(csv.get(0)).isEqualTo("second,events,sinkRecords");
        assertThat(csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum()).isEqualTo(20_000);
        assertThat(csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[2])).sum())
                .isEqualTo(result.results());
    }

    @Test
    void shouldRunAnUnmeasuredWarmUpJobFirst() throws Exception {
        Path out = dir.resolve("warm");
        var options = BenchOptions.parse("--workload", "q1", "--events", "20000", "--warmup", "30000",
                "--out", out.toString());
        var progress = new ByteArrayOutputStream();

        var result = FlinkBenchMain.run(options, new PrintStream(progress, true));

        assertThat(progress.toString()).contains("warm-up, 30000 events");
        assertThat(result.events()).isEqualTo(20_000); // the measured job's events only
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("events").asLong()).isEqualTo(20_000);
        assertThat(summary.get("config").get("warmup").asText()).isEqualTo("30000");
        List<String> csv = Files.readAllLines(out.resolve("throughput.csv"));
        assertThat(csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum()).isEqualTo(20_000);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(out); // the warm-up's folder is gone
        }
    }

    @Test
    void shouldLeaveTheWarmUpsResultsOutOfALatencyRun() throws Exception {
        Path all = dir.resolve("all");
        Path warm = dir.resolve("warm");
        String[] common = {"--workload", "q1", "--events", "40000", "--rate", "100000", "--parallelism", "1"};
        var allOptions = BenchOptions.parse(concat(common, "--out", all.toString()));
        var warmOptions = BenchOptions.parse(concat(common, "--out", warm.toString(), "--warmup", "30000"));

        FlinkBenchMain.run(allOptions, quiet());
        FlinkBenchMain.run(warmOptions, quiet());

        long measuredAll = JSON.readTree(all.resolve("summary.json").toFile()).get("latencyNanos").get("count").asLong();
        long measuredWarm = JSON.readTree(warm.resolve("summary.json").toFile()).get("latencyNanos").get("count").asLong();
        // q1: one result per bid (46 of every 50 events); only those of events 30,000 .. 39,999 are measured
        assertThat(measuredAll).isEqualTo(36_800);
        assertThat(measuredWarm).isEqualTo(9_200);
        assertThat(JSON.readTree(warm.resolve("summary.json").toFile()).get("config").get("warmup").asText())
                .isEqualTo("30000");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void shouldMeasureLatencyAtAFixedRateWithCheckpoints() throws Exception {
        Path out = dir.resolve("latency");
        var options = BenchOptions.parse("--workload", "tumbling-count", "--events", "60000", "--rate", "50000",
                "--parallelism", "2", "--checkpoint-interval-ms", "200", "--out-of-orderness-ms", "5",
                "--out", out.toString());

        var result = FlinkBenchMain.run(options, quiet());

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("mode").asText()).isEqualTo("latency");
        assertThat(summary.get("targetRate").asLong()).isEqualTo(50_000);
        JsonNode latency = summary.get("latencyNanos");
        assertThat(latency.get("count").asLong()).isEqualTo(result.results()).isPositive();
        assertThat(latency.get("p50").asLong()).isPositive();
        assertThat(latency.get("max").asLong()).isGreaterThanOrEqualTo(latency.get("p9999").asLong());
        assertThat(summary.get("keptUpFraction").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(out.resolve("latency.hgrm"))).contains("Value     Percentile");
        assertThat(Files.readString(out.resolve("latency.hlog"))).contains("#[StartTime:");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
