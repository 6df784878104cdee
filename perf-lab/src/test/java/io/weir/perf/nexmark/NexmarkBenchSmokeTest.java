package io.weir.perf.nexmark;

import io.weir.api.config.ExchangeMode;
import io.weir.api.config.IdleStrategyKind;
import io.weir.perf.report.RunData;
import io.weir.perf.report.ThroughputRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each workload runs end to end through the harness at a tiny event count, in both modes, and reports its figures. */
class NexmarkBenchSmokeTest {

    @ParameterizedTest
    @EnumSource(Workload.class)
    void shouldReportThroughputOfEveryEvent(Workload workload) {
        List<Tick> ticks = new ArrayList<>();
        BenchConfig config = new BenchConfig(workload, 20_000, 0, 2, 3, "cooperative", IdleStrategyKind.BACKOFF,
                ExchangeMode.OBJECT, "heap", Duration.ZERO, 5_000, Map.of(), "smoke");

        RunData run = NexmarkBench.run(config, ticks::add);

        assertThat(run.summary().mode()).isEqualTo("throughput");
        assertThat(run.summary().events()).isEqualTo(20_000);
        assertThat(run.summary().eventsPerSecond()).isPositive();
        assertThat(run.summary().sinkRecords()).isPositive();
        assertThat(run.summary().latencyNanos()).isNull();
        assertThat(run.throughput().stream().mapToLong(ThroughputRow::events).sum()).isEqualTo(20_000);
        assertThat(run.throughput().stream().mapToLong(ThroughputRow::sinkRecords).sum()).isEqualTo(run.summary().sinkRecords());
        assertThat(ticks).anyMatch(Tick::warmup).anyMatch(t -> !t.warmup());
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void shouldRecordTheLatencyOfEveryResultInLatencyMode(Workload workload) {
        // 40,000 events at 200,000 per second: 0.2 s; the first 10,000 are warm-up
        BenchConfig config = new BenchConfig(workload, 40_000, 200_000, 2, 3, "cooperative", IdleStrategyKind.BACKOFF,
                ExchangeMode.OBJECT, "heap", Duration.ZERO, 10_000, Map.of(), "");

        RunData run = NexmarkBench.run(config, tick -> { });

        assertThat(run.summary().mode()).isEqualTo("latency");
        assertThat(run.summary().targetRate()).isEqualTo(200_000);
        assertThat(run.summary().latencyNanos()).isNotNull();
        assertThat(run.summary().latencyNanos().count()).isPositive().isEqualTo(run.latency().getTotalCount());
        assertThat(run.summary().latencyNanos().count()).isLessThanOrEqualTo(run.summary().sinkRecords());
        assertThat(run.summary().keptUpFraction()).isBetween(0.0, 1.0);
        assertThat(run.intervals()).isNotEmpty();
        // the per-second histograms (kept encoded during the run) add up to the whole run's, value for value
        org.HdrHistogram.Histogram sum = new org.HdrHistogram.Histogram(3);
        run.intervals().forEach(interval -> {
            assertThat(interval.getEndTimeStamp()).isGreaterThanOrEqualTo(interval.getStartTimeStamp());
            sum.add(interval);
        });
        assertThat(sum).isEqualTo(run.latency());
        assertThat(run.throughput().stream().mapToLong(ThroughputRow::events).sum()).isEqualTo(40_000);
    }

    @org.junit.jupiter.api.Test
    void shouldMeasureThePlatformsHiccupsOnlyWhenAsked() {
        // 1.2 M events at 400,000 per second: three seconds, the first second warm-up
        BenchConfig config = new BenchConfig(Workload.Q1, 1_200_000, 400_000, 1, 3, "cooperative", IdleStrategyKind.BACKOFF,
                ExchangeMode.OBJECT, "heap", Duration.ZERO, 400_000, Map.of(), "");

        RunData measured = NexmarkBench.run(config, tick -> { }, true);
        RunData plain = NexmarkBench.run(config, tick -> { });

        // one hiccup histogram per latency interval, with its time stamps; the summary over the measured seconds
        assertThat(measured.hiccups()).hasSameSizeAs(measured.intervals());
        for (int i = 0; i < measured.intervals().size(); i++) {
            assertThat(measured.hiccups().get(i).getStartTimeStamp()).isEqualTo(measured.intervals().get(i).getStartTimeStamp());
        }
        assertThat(measured.hiccups().stream().mapToLong(org.HdrHistogram.Histogram::getTotalCount).sum()).isPositive();
        assertThat(measured.summary().hiccupNanos()).isNotNull();
        assertThat(measured.summary().hiccupNanos().count()).isPositive();
        assertThat(plain.hiccups()).isEmpty();
        assertThat(plain.summary().hiccupNanos()).isNull();
    }

    @org.junit.jupiter.api.Test
    void shouldSummariseTheHiccupsOfEveryMeasuredSecondTheLastOneIncluded() {
        // no warm-up: every second is measured, the partial last one too (its latencies are in the summary as well);
        // 600,000 events at 400,000 per second end half-way through the second second
        BenchConfig config = new BenchConfig(Workload.Q1, 600_000, 400_000, 1, 3, "cooperative", IdleStrategyKind.BACKOFF,
                ExchangeMode.OBJECT, "heap", Duration.ZERO, 0, Map.of(), "");

        RunData run = NexmarkBench.run(config, tick -> { }, true);

        long perSecond = run.hiccups().stream().mapToLong(org.HdrHistogram.Histogram::getTotalCount).sum();
        assertThat(run.hiccups().getLast().getTotalCount()).isPositive();
        assertThat(run.summary().hiccupNanos().count()).isEqualTo(perSecond);
    }
}
