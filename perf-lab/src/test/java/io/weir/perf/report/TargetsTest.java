package io.weir.perf.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetsTest {
    private static final String EVENT_TIME = "start 1767225600000 ms, 1000 ns per event, out-of-orderness 0 ms, late fraction 0.0";

    /** A summary; {@code config} adds to (or, with a null value, removes from) the defaults of its engine. */
    static RunSummary run(String engine, String workload, long rate, long events, int parallelism, double eventsPerSecond,
                          RunSummary.Latency latency, Double keptUp, Map<String, String> config) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", "42");
        if (engine.equals("weir")) {
            settings.put("scheduler", "cooperative");
            settings.put("scheduler.idle-strategy", "backoff");
            settings.put("exchange.mode", "object");
            settings.put("state.backend", "heap");
            settings.put("checkpoint.interval-ms", "0");
            settings.put("warmup", "2000000");
            settings.put("event-time-rate", rate > 0 ? Long.toString(rate) : "1000000");
        } else {
            settings.put("checkpointIntervalMs", "0");
            settings.put("eventTime", EVENT_TIME);
        }
        config.forEach((k, v) -> {
            if (v == null) {
                settings.remove(k);
            } else {
                settings.put(k, v);
            }
        });
        return new RunSummary(engine, "1", workload, rate > 0 ? "latency" : "throughput", events, rate, parallelism, settings,
                new RunSummary.Machine(2, "Linux", 1L << 34), new RunSummary.Jvm("25", "v", List.of()), "2026-11-22T00:00:00Z",
                1_000_000_000L, eventsPerSecond, eventsPerSecond / 2, latency, keptUp, "", null, null, null, null);
    }

    static RunSummary throughput(String engine, String workload, double eventsPerSecond, Map<String, String> config) {
        return run(engine, workload, 0, 50_000_000, 1, eventsPerSecond, null, null, config);
    }

    static RunSummary latency(String workload, long rate, long checkpointMs, long p99, long p9999, double keptUp) {
        return run("weir", workload, rate, 30_000_000, 1, rate,
                new RunSummary.Latency(100, 200, p99, p99, p9999, p9999, 1_000, 1_000_000), keptUp,
                Map.of("checkpoint.interval-ms", Long.toString(checkpointMs)));
    }

    @Test
    void shouldMeetTheFlinkRatioWithItsMargin() {
        var evaluation = Targets.evaluate(List.of(throughput("weir", "q1", 24e6, Map.of()), throughput("flink", "q1", 5e6, Map.of())));

        assertThat(evaluation.noVerdicts()).extracting(Targets.NoVerdict::target).containsExactly(Target.T2);
        TargetVerdict t1 = single(evaluation, Target.T1);
        assertThat(t1.runs()).containsExactly(0, 1);
        assertThat(t1.verdict()).isEqualTo(TargetVerdict.Verdict.MET);
        assertThat(t1.factor()).isCloseTo(1.2, within(1e-9));
        assertThat(t1.text()).isEqualTo("MET by 1.2x: q1 / Flink events/s 4.8x (target >= 4x; 24 M/s vs 5 M/s;"
                + " per CPU-second 4.8x)");
        assertThat(t1.measuredText()).isEqualTo("q1 / Flink events/s 4.8x");
        assertThat(t1.requiredText()).isEqualTo("q1 / Flink events/s >= 4x");
    }

    @Test
    void shouldSayByHowMuchEachFlinkRatioIsMissed() {
        var evaluation = Targets.evaluate(List.of(
                throughput("weir", "tumbling-count", 6.5e6, Map.of()), throughput("flink", "tumbling-count", 1.3e6, Map.of()),
                throughput("weir", "q5", 6.4e6, Map.of()), throughput("flink", "q5", 0.8e6, Map.of()),
                throughput("weir", "q7", 4.8e6, Map.of()), throughput("flink", "q7", 1.2e6, Map.of())));

        assertThat(single(evaluation, Target.T3).text()).startsWith("MISSED by 2x: tumbling-count / Flink events/s 5x (target >= 10x");
        assertThat(single(evaluation, Target.T4).text()).startsWith("MISSED by 2.5x: q5 / Flink events/s 8x (target >= 20x");
        assertThat(single(evaluation, Target.T5).factorText()).isEqualTo("missed by 5x");
        assertThat(single(evaluation, Target.T5).runs()).containsExactly(4, 5);
    }

    @Test
    void shouldGiveNoVerdictOnRunsThatWereNotMeasuredAlike() {
        RunSummary weir = throughput("weir", "q1", 24e6, Map.of());
        List<RunSummary> flinks = List.of(
                run("flink", "q1", 0, 20_000_000, 1, 5e6, null, null, Map.of()),
                run("flink", "q1", 0, 50_000_000, 2, 5e6, null, null, Map.of()),
                throughput("flink", "q1", 5e6, Map.of("seed", "0")),
                throughput("flink", "q1", 5e6, Map.of("checkpointIntervalMs", "1000")),
                throughput("flink", "q1", 5e6, Map.of("eventTime", EVENT_TIME.replace("1000 ns", "1428 ns"))),
                throughput("flink", "q1", 5e6, java.util.Collections.singletonMap("eventTime", null)));

        for (RunSummary flink : flinks) {
            var evaluation = Targets.evaluate(List.of(weir, flink));

            assertThat(evaluation.verdicts()).as(flink.config().toString()).isEmpty();
            assertThat(evaluation.noVerdicts()).filteredOn(n -> n.target() == Target.T1).singleElement().satisfies(n -> {
                assertThat(n.target()).isEqualTo(Target.T1);
                assertThat(n.runs()).containsExactly(0, 1);
                assertThat(n.reason()).startsWith("not measured alike: ");
            });
        }
        assertThat(reason(weir, flinks.get(0)))
                .contains("events 50,000,000 vs 20,000,000");
        assertThat(reason(weir, flinks.get(1))).contains("parallelism 1 vs 2");
        assertThat(reason(weir, flinks.get(2))).contains("seed 42 vs 0");
        assertThat(reason(weir, flinks.get(3)))
                .contains("checkpoints none vs every 1000 ms");
        assertThat(reason(weir, flinks.get(4)))
                .contains("event time 1000 ns per event from 1767225600000 ms vs 1428 ns per event");
        assertThat(reason(weir, flinks.get(5))).contains("vs not recorded");
    }

    @Test
    void shouldJudgeEveryMatchingPairAndIgnoreTheMismatchedPartnersThen() {
        var evaluation = Targets.evaluate(List.of(throughput("weir", "q1", 24e6, Map.of()),
                throughput("flink", "q1", 5e6, Map.of("seed", "7")), throughput("flink", "q1", 6e6, Map.of()),
                throughput("weir", "q1", 12e6, Map.of())));

        assertThat(evaluation.noVerdicts()).filteredOn(n -> n.target() == Target.T1).isEmpty();
        assertThat(evaluation.verdicts()).extracting(TargetVerdict::runs, TargetVerdict::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of(0, 2), TargetVerdict.Verdict.MET),
                org.assertj.core.groups.Tuple.tuple(List.of(3, 2), TargetVerdict.Verdict.MISSED));
    }

    @Test
    void shouldSayWhichRunIsMissingForAPairTarget() {
        var evaluation = Targets.evaluate(List.of(throughput("weir", "q1", 24e6, Map.of())));

        assertThat(evaluation.verdicts()).isEmpty();
        assertThat(evaluation.noVerdicts()).extracting(Targets.NoVerdict::target).containsExactly(Target.T1, Target.T2);
        assertThat(evaluation.noVerdicts().get(0).reason()).contains("no Flink q1 throughput run", "--vs flink");
        assertThat(evaluation.noVerdicts().get(1).reason()).contains("no generator run", "weir bench generator");
    }

    @Test
    void shouldCompareQ1WithTheBareGenerator() {
        RunSummary q1 = throughput("weir", "q1", 15e6, Map.of());
        RunSummary generator = throughput("weir", "generator", 18e6, java.util.Collections.singletonMap("checkpoint.interval-ms", null));
        RunSummary fastGenerator = throughput("weir", "generator", 30e6, java.util.Collections.singletonMap("checkpoint.interval-ms", null));

        TargetVerdict met = single(Targets.evaluate(List.of(q1, generator)), Target.T2);
        TargetVerdict missed = single(Targets.evaluate(List.of(q1, fastGenerator)), Target.T2);

        assertThat(met.runs()).containsExactly(0, 1);
        assertThat(met.text()).startsWith("MET by 1.25x: generator / q1 events/s 1.2x (target <= 1.5x; 18 M/s vs 15 M/s");
        assertThat(missed.text()).startsWith("MISSED by 1.33x: generator / q1 events/s 2x (target <= 1.5x; 30 M/s vs 15 M/s");
        // a q1 run with checkpoints is not measured like the generator
        RunSummary q1WithCheckpoints = throughput("weir", "q1", 15e6, Map.of("checkpoint.interval-ms", "1000"));
        var mismatched = Targets.evaluate(List.of(q1WithCheckpoints, generator));
        assertThat(mismatched.verdicts()).isEmpty();
        assertThat(mismatched.noVerdicts()).filteredOn(n -> n.target() == Target.T2).singleElement()
                .satisfies(n -> assertThat(n.reason()).contains("checkpoints every 1000 ms vs none"));
    }

    @Test
    void shouldSayByHowMuchTheQ1LatencyTargetIsMissed() {
        TargetVerdict missed = single(Targets.evaluate(List.of(latency("q1", 1_000_000, 1_000, 6_000, 8_500_000, 1.0))), Target.T6);
        TargetVerdict met = single(Targets.evaluate(List.of(latency("q1", 1_000_000, 1_000, 6_000, 420_000, 1.0))), Target.T6);
        TargetVerdict exactlyAtTheBound = single(Targets.evaluate(List.of(latency("q1", 1_000_000, 1_000, 6_000, 1_000_000, 1.0))),
                Target.T6);

        assertThat(missed.text()).isEqualTo("MISSED by 8.5x: p99.99 8.5 ms (target < 1 ms)");
        assertThat(met.text()).isEqualTo("MET by 2.38x: p99.99 420 us (target < 1 ms)");
        assertThat(exactlyAtTheBound.verdict()).as("under 1 ms is strict").isEqualTo(TargetVerdict.Verdict.MISSED);
    }

    @Test
    void shouldNotJudgeTheQ1LatencyTargetAtAnotherRateOrWithoutCheckpoints() {
        var slower = Targets.evaluate(List.of(latency("q1", 100_000, 1_000, 6_000, 500_000, 1.0)));
        var noCheckpoints = Targets.evaluate(List.of(latency("q1", 1_000_000, 0, 6_000, 500_000, 1.0)));

        assertThat(slower.verdicts()).isEmpty();
        assertThat(slower.noVerdicts()).filteredOn(n -> n.target() == Target.T6).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo("needs the rate 1,000,000 events/s (this run: 100,000)"));
        assertThat(noCheckpoints.verdicts()).isEmpty();
        assertThat(noCheckpoints.noVerdicts()).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo("needs a checkpoint every 1000 ms (this run: none)"));
    }

    @Test
    void shouldRequireQ5ToKeepUpAndMeetItsTail() {
        TargetVerdict met = single(Targets.evaluate(List.of(latency("q5", 1_000_000, 0, 2_000_000, 4_000_000, 1.0))), Target.T7);
        TargetVerdict late = single(Targets.evaluate(List.of(latency("q5", 1_000_000, 0, 500_000_000, 1_090_000_000, 1.0))),
                Target.T7);
        TargetVerdict lagging = single(Targets.evaluate(List.of(latency("q5", 1_000_000, 0, 2_000_000, 4_000_000, 0.985))),
                Target.T7);

        assertThat(met.met()).isTrue();
        assertThat(met.factorText()).isEqualTo("met by 1.01x");
        assertThat(late.text()).startsWith("MISSED by 218x: kept up 100% (target >= 99%; of the seconds after the warm-up) met;"
                + " p99.99 1.09 s (target < 5 ms");
        assertThat(lagging.verdict()).isEqualTo(TargetVerdict.Verdict.MISSED);
        assertThat(lagging.measuredText()).isEqualTo("kept up 98.5%; p99.99 4 ms");
    }

    @Test
    void shouldCompareTheP99WithAndWithoutCheckpoints() {
        RunSummary with = latency("q1", 1_000_000, 1_000, 3_200_000, 19_000_000, 1.0);
        RunSummary without = latency("q1", 1_000_000, 0, 3_300_000, 20_000_000, 1.0);
        RunSummary slowWith = latency("q1", 1_000_000, 1_000, 6_600_000, 19_000_000, 1.0);

        TargetVerdict met = single(Targets.evaluate(List.of(with, without)), Target.T8);
        TargetVerdict missed = single(Targets.evaluate(List.of(slowWith, without)), Target.T8);

        assertThat(met.text()).isEqualTo("MET by 1.55x: p99 with / without checkpoints 0.97x (target <= 1.5x; 3.2 ms vs 3.3 ms)");
        assertThat(missed.text()).startsWith("MISSED by 1.33x: p99 with / without checkpoints 2x");
        assertThat(missed.runs()).containsExactly(0, 1);
    }

    @Test
    void shouldNotCompareCheckpointPausesAcrossSettings() {
        RunSummary with = latency("q1", 1_000_000, 1_000, 3_200_000, 19_000_000, 1.0);
        RunSummary dedicated = run("weir", "q1", 1_000_000, 30_000_000, 1, 1e6,
                new RunSummary.Latency(100, 200, 3_000_000, 3_000_000, 9_000_000, 9_000_000, 1_000, 1_000_000), 1.0,
                Map.of("scheduler", "dedicated"));
        RunSummary otherRate = latency("q1", 500_000, 0, 3_300_000, 20_000_000, 1.0);

        var evaluation = Targets.evaluate(List.of(with, dedicated, otherRate));

        assertThat(evaluation.verdicts()).filteredOn(v -> v.target() == Target.T8).isEmpty();
        assertThat(evaluation.noVerdicts()).filteredOn(n -> n.target() == Target.T8).extracting(Targets.NoVerdict::reason)
                .containsExactly("not measured alike: scheduler cooperative vs dedicated",
                        "not measured alike: rate 1,000,000 vs 500,000 events/s, event-time-rate 1000000 vs 500000");
    }

    @Test
    void shouldJudgeNoTargetOnFlinkRunsAlone() {
        RunSummary flinkLatency = run("flink", "q1", 1_000_000, 30_000_000, 1, 1e6,
                new RunSummary.Latency(1, 1, 1, 1, 1, 1, 1, 1), 1.0, Map.of("checkpointIntervalMs", "1000"));

        var evaluation = Targets.evaluate(List.of(throughput("flink", "q1", 5e6, Map.of()), flinkLatency));

        assertThat(evaluation.isEmpty()).isTrue();
        assertThat(evaluation.lines(List.of(flinkLatency, flinkLatency)))
                .containsExactly("targets: none of the performance issue's targets applies to these runs");
    }

    @Test
    void shouldPrintOneLinePerVerdictNamingTheRunsWhenThereAreSeveral() {
        RunSummary lone = latency("q1", 1_000_000, 1_000, 6_000, 8_500_000, 1.0);
        List<RunSummary> pair = List.of(throughput("weir", "q1", 24e6, Map.of()), throughput("flink", "q1", 5e6, Map.of()));

        assertThat(Targets.evaluate(List.of(lone)).lines(List.of(lone))).containsExactly(
                "targets (performance issue; docs/benchmarks/nexmark.md):",
                "  T6 MISSED by 8.5x: p99.99 8.5 ms (target < 1 ms)",
                "  T8 no verdict: no run of q1 at 1,000,000 events/s without checkpoints to compare with (the same command"
                        + " without --checkpoint-interval, then weir bench compare)");
        assertThat(Targets.evaluate(pair).lines(pair)).contains(
                "  T1 MET by 1.2x: q1 / Flink events/s 4.8x (target >= 4x; 24 M/s vs 5 M/s; per CPU-second 4.8x)"
                        + " [#1 weir q1 throughput p=1 cooperative backoff object heap vs #2 flink q1 throughput p=1]");
    }

    @Test
    void shouldFormatFiguresInTheirUnits() {
        assertThat(Criterion.nanos(850)).isEqualTo("850 ns");
        assertThat(Criterion.nanos(8_500)).isEqualTo("8.5 us");
        assertThat(Criterion.nanos(1_000_000)).isEqualTo("1 ms");
        assertThat(Criterion.nanos(1_090_000_000)).isEqualTo("1.09 s");
        assertThat(Criterion.times(218.4)).isEqualTo("218x");
        assertThat(Criterion.times(21.54)).isEqualTo("21.5x");
        assertThat(Criterion.rate(850_000)).isEqualTo("850 k/s");
        assertThat(new Criterion("kept up", 0, Criterion.Bound.AT_LEAST, 0.99, Criterion.Unit.FRACTION, "").factor())
                .isInfinite();
    }

    private static String reason(RunSummary weir, RunSummary flink) {
        return Targets.evaluate(List.of(weir, flink)).noVerdicts().stream().filter(n -> n.target() == Target.T1)
                .findFirst().orElseThrow().reason();
    }

    private static TargetVerdict single(Targets.Evaluation evaluation, Target target) {
        List<TargetVerdict> verdicts = evaluation.verdicts().stream().filter(v -> v.target() == target).toList();
        assertThat(verdicts).as(target + " in " + evaluation).hasSize(1);
        return verdicts.getFirst();
    }
}
