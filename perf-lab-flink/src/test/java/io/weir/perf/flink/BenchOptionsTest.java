package io.weir.perf.flink;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void shouldDefaultToFlinkLatencySettingsWhenPaced() {
        var options = BenchOptions.parse("--workload", "q1", "--events", "1_000_000", "--rate", "1000000", "--out", "x");

        assertThat(options.latencyMode()).isTrue();
        assertThat(options.eventIntervalNanos()).isEqualTo(1_000);
        assertThat(options.bufferTimeoutMs()).isEqualTo(1);
        assertThat(options.watermarkIntervalMs()).isEqualTo(1);
        assertThat(options.parallelism()).isEqualTo(1);
    }

    @Test
    void shouldNameAnUnknownWorkload() {
        assertThatThrownBy(() -> BenchOptions.parse("--workload", "q9", "--events", "1", "--out", "x"))
                .hasMessageContaining("--workload: unknown workload 'q9'").hasMessageContaining("tumbling-count");
    }

    @Test
    void shouldNameAnUnknownOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--workload", "q1", "--events", "1", "--out", "x", "--speed", "2"))
                .hasMessageContaining("unknown option(s) --speed");
    }

    @Test
    void shouldNameABadNumber() {
        assertThatThrownBy(() -> BenchOptions.parse("--workload", "q1", "--events", "lots", "--out", "x"))
                .hasMessageContaining("--events: not a whole number: 'lots'");
    }

    @Test
    void shouldNameANegativeWarmUp() {
        assertThatThrownBy(() -> BenchOptions.parse("--workload", "q1", "--events", "1", "--out", "x", "--warmup", "-1"))
                .hasMessageContaining("--warmup");
    }
}
