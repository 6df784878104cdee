package io.weir.perf.nexmark;

import io.weir.perf.report.RunData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorRateTest {
    @Test
    void shouldGenerateTheEventsOnAnyNumberOfThreads() {
        BenchConfig config = BenchConfig.defaults(Workload.Q0).withEvents(10_001);
        RunData one = GeneratorRate.run(new BenchConfig(config.workload(), 10_001, 0, 1, 42, "cooperative",
                config.idleStrategy(), config.exchange(), "heap", config.checkpointInterval(), 100, config.options(), ""), t -> { });
        RunData three = GeneratorRate.run(new BenchConfig(config.workload(), 10_001, 0, 3, 42, "cooperative",
                config.idleStrategy(), config.exchange(), "heap", config.checkpointInterval(), 0, config.options(), ""), t -> { });

        assertThat(one.summary().workload()).isEqualTo("generator");
        assertThat(one.summary().events()).isEqualTo(10_001);
        assertThat(one.summary().eventsPerSecond()).isPositive();
        assertThat(three.summary().parallelism()).isEqualTo(3);
    }

    @Test
    void shouldCopeWithMoreThreadsThanEvents() {
        BenchConfig config = BenchConfig.defaults(Workload.Q0);
        RunData run = GeneratorRate.run(new BenchConfig(config.workload(), 1, 0, 2, 42, "cooperative", config.idleStrategy(),
                config.exchange(), "heap", config.checkpointInterval(), 0, config.options(), ""), t -> { });

        assertThat(run.summary().events()).isEqualTo(1);
    }
}
