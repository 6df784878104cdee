package io.weir.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the performance issue's {@link Target targets} on run summaries: which targets the runs can judge, and for
 * each, the figures measured against the target's, met or missed, and by how much.
 *
 * <p>A target applies only to runs that match it; others get no verdict, never a wrong one:
 * <ul>
 *   <li>T1, T3, T4, T5: a Weir throughput run of the workload (q1, tumbling-count, q5, q7) and a Flink throughput run
 *       of it with the same events, parallelism, checkpoint interval, seed and event time; the ratio of their
 *       {@code eventsPerSecond} (wall time) must be at least 4, 10, 20 and 20.</li>
 *   <li>T2: a Weir q1 throughput run without checkpoints and a {@code generator} run with the same events,
 *       parallelism and seed: the generator's events/s divided by q1's must be at most 1.5.</li>
 *   <li>T6: a Weir q1 latency run at 1,000,000 events/s with a checkpoint interval of 1,000 ms: p99.99 below 1 ms.</li>
 *   <li>T7: a Weir q5 latency run at 1,000,000 events/s: kept-up fraction at least {@value #KEPT_UP} (the issue says
 *       "keeps up"; one second in a hundred may lag, such as the one in which the JIT compiles) and p99.99 below
 *       5 ms.</li>
 *   <li>T8: two Weir latency runs of the same workload, rate, events, parallelism, seed and engine settings
 *       (scheduler, idle strategy, exchange, state backend, warm-up, event time), one with checkpoints and one
 *       without: the p99 with checkpoints at most 1.5 times the p99 without.</li>
 * </ul>
 * Runs of the right kind that a target cannot judge (no partner run, or a partner that differs, or the wrong rate
 * or checkpoint interval) get a {@link NoVerdict} saying why. Every pair that matches gets its own verdict.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class Targets {
    /** The kept-up fraction that counts as keeping up (T7). */
    public static final double KEPT_UP = 0.99;
    /** The rate of the latency targets T6 and T7, events per second. */
    public static final long LATENCY_RATE = 1_000_000;
    /** The checkpoint interval of T6, ms. */
    public static final long T6_CHECKPOINT_INTERVAL_MS = 1_000;
    /** Event time of event 0 in Weir's harness when a summary does not say (2026-01-01T00:00:00Z). */
    static final long DEFAULT_START_MILLIS = 1_767_225_600_000L;
    private static final String WEIR = "weir";
    private static final String FLINK = "flink";
    private static final String THROUGHPUT = "throughput";
    private static final String LATENCY = "latency";
    private static final String GENERATOR = "generator";
    /** Settings of two Weir runs that must be equal for T8 (besides the checkpoint interval). */
    private static final List<String> WEIR_SETTINGS = List.of("scheduler", "scheduler.idle-strategy", "exchange.mode",
            "state.backend", "warmup", "event-time-rate");
    private static final Pattern EVENT_TIME = Pattern.compile(
            "start (-?\\d+) ms, (\\d+) ns per event, out-of-orderness (\\d+) ms, late fraction ([0-9.eE+-]+)");

    private Targets() {
    }

    /**
     * The verdicts of the targets that {@code runs} can judge, and why runs of a target's kind could not be judged.
     */
    public static Evaluation evaluate(List<RunSummary> runs) {
        List<TargetVerdict> verdicts = new ArrayList<>();
        List<NoVerdict> none = new ArrayList<>();
        versusFlink(Target.T1, "q1", 4, runs, verdicts, none);
        versusGenerator(runs, verdicts, none);
        versusFlink(Target.T3, "tumbling-count", 10, runs, verdicts, none);
        versusFlink(Target.T4, "q5", 20, runs, verdicts, none);
        versusFlink(Target.T5, "q7", 20, runs, verdicts, none);
        q1Latency(runs, verdicts, none);
        q5Latency(runs, verdicts, none);
        checkpointPause(runs, verdicts, none);
        return new Evaluation(verdicts, none);
    }

    /**
     * The outcome of {@link #evaluate}.
     *
     * @param verdicts   the targets judged, in target order
     * @param noVerdicts runs of a target's kind that could not be judged, and why
     */
    public record Evaluation(List<TargetVerdict> verdicts, List<NoVerdict> noVerdicts) {
        public Evaluation {
            verdicts = List.copyOf(verdicts);
            noVerdicts = List.copyOf(noVerdicts);
        }

        /** {@code true} when no target applies to the runs at all. */
        public boolean isEmpty() {
            return verdicts.isEmpty() && noVerdicts.isEmpty();
        }

        /**
         * The console lines: a heading, then one line per verdict ({@code T6 MISSED by 8.5x: ...}) and per run that
         * could not be judged ({@code T1 no verdict: ...}); with more than one run, each line names its runs by label.
         */
        public List<String> lines(List<RunSummary> runs) {
            List<String> lines = new ArrayList<>();
            if (isEmpty()) {
                lines.add("targets: none of the performance issue's targets applies to "
                        + (runs.size() == 1 ? "this run" : "these runs"));
                return lines;
            }
            lines.add("targets (performance issue; docs/benchmarks/nexmark.md):");
            for (TargetVerdict v : verdicts) {
                lines.add("  " + v.target().id() + " " + v.text() + (runs.size() > 1 ? " [" + labels(v.runs(), runs) + "]" : ""));
            }
            for (NoVerdict n : noVerdicts) {
                lines.add("  " + n.target().id() + " no verdict: " + n.reason()
                        + (runs.size() > 1 ? " [" + labels(n.runs(), runs) + "]" : ""));
            }
            return lines;
        }

        private static String labels(List<Integer> indexes, List<RunSummary> runs) {
            return String.join(" vs ", indexes.stream().map(i -> "#" + (i + 1) + " " + runs.get(i).label()).toList());
        }
    }

    /**
     * A run of a target's kind that the target could not judge.
     *
     * @param target the target
     * @param runs   the run, and the partner run that differs (if any), as indexes into the evaluated list
     * @param reason what is missing or differs, and how to get a verdict
     */
    public record NoVerdict(Target target, List<Integer> runs, String reason) {
        public NoVerdict {
            Objects.requireNonNull(target, "target");
            runs = List.copyOf(runs);
            Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- the targets

    private static void versusFlink(Target target, String workload, double factor, List<RunSummary> runs,
                                    List<TargetVerdict> verdicts, List<NoVerdict> none) {
        for (int w : indexes(runs, s -> is(s, WEIR, workload, THROUGHPUT))) {
            List<Integer> partners = indexes(runs, s -> is(s, FLINK, workload, THROUGHPUT));
            if (partners.isEmpty()) {
                none.add(new NoVerdict(target, List.of(w), "no Flink " + workload + " throughput run to compare with "
                        + "(weir bench " + workload + " --vs flink, or weir bench compare with a Flink run folder)"));
                continue;
            }
            judgePairs(target, runs, w, partners, none, (a, b) -> sameRunShape(a, b, true),
                    f -> verdicts.add(new TargetVerdict(target, List.of(w, f), List.of(throughputRatio(workload + " / Flink",
                            runs.get(w), runs.get(f), Criterion.Bound.AT_LEAST, factor)))));
        }
    }

    private static void versusGenerator(List<RunSummary> runs, List<TargetVerdict> verdicts, List<NoVerdict> none) {
        Target target = Target.T2;
        for (int w : indexes(runs, s -> is(s, WEIR, "q1", THROUGHPUT))) {
            List<Integer> partners = indexes(runs, s -> is(s, WEIR, GENERATOR, THROUGHPUT));
            if (partners.isEmpty()) {
                none.add(new NoVerdict(target, List.of(w), "no generator run to compare with (weir bench generator with "
                        + "the same -n and -p, then weir bench compare)"));
                continue;
            }
            judgePairs(target, runs, w, partners, none, (a, b) -> sameRunShape(a, b, false),
                    g -> verdicts.add(new TargetVerdict(target, List.of(w, g), List.of(throughputRatio("generator / q1",
                            runs.get(g), runs.get(w), Criterion.Bound.AT_MOST, 1.5)))));
        }
    }

    private static void q1Latency(List<RunSummary> runs, List<TargetVerdict> verdicts, List<NoVerdict> none) {
        for (int w : indexes(runs, s -> is(s, WEIR, "q1", LATENCY))) {
            RunSummary s = runs.get(w);
            List<String> wrong = new ArrayList<>();
            if (s.targetRate() != LATENCY_RATE) {
                wrong.add("the rate " + count(LATENCY_RATE) + " events/s (this run: " + count(s.targetRate()) + ")");
            }
            if (checkpointIntervalMs(s) != T6_CHECKPOINT_INTERVAL_MS) {
                wrong.add("a checkpoint every " + T6_CHECKPOINT_INTERVAL_MS + " ms (this run: " + checkpoints(s) + ")");
            }
            if (s.latencyNanos() == null) {
                wrong.add("latency figures (this run has none)");
            }
            if (!wrong.isEmpty()) {
                none.add(new NoVerdict(Target.T6, List.of(w), "needs " + String.join(" and ", wrong)));
                continue;
            }
            verdicts.add(new TargetVerdict(Target.T6, List.of(w), List.of(new Criterion("p99.99", s.latencyNanos().p9999(),
                    Criterion.Bound.BELOW, 1_000_000, Criterion.Unit.NANOS, ""))));
        }
    }

    private static void q5Latency(List<RunSummary> runs, List<TargetVerdict> verdicts, List<NoVerdict> none) {
        for (int w : indexes(runs, s -> is(s, WEIR, "q5", LATENCY))) {
            RunSummary s = runs.get(w);
            List<String> wrong = new ArrayList<>();
            if (s.targetRate() != LATENCY_RATE) {
                wrong.add("the rate " + count(LATENCY_RATE) + " events/s (this run: " + count(s.targetRate()) + ")");
            }
            if (s.latencyNanos() == null || s.keptUpFraction() == null) {
                wrong.add("latency figures and a kept-up fraction (this run lacks them)");
            }
            if (!wrong.isEmpty()) {
                none.add(new NoVerdict(Target.T7, List.of(w), "needs " + String.join(" and ", wrong)));
                continue;
            }
            verdicts.add(new TargetVerdict(Target.T7, List.of(w), List.of(
                    new Criterion("kept up", s.keptUpFraction(), Criterion.Bound.AT_LEAST, KEPT_UP, Criterion.Unit.FRACTION,
                            "of the seconds after the warm-up"),
                    new Criterion("p99.99", s.latencyNanos().p9999(), Criterion.Bound.BELOW, 5_000_000, Criterion.Unit.NANOS,
                            "from the closing watermark's event"))));
        }
    }

    private static void checkpointPause(List<RunSummary> runs, List<TargetVerdict> verdicts, List<NoVerdict> none) {
        Target target = Target.T8;
        for (int w : indexes(runs, s -> WEIR.equals(s.engine()) && LATENCY.equals(s.mode()) && s.targetRate() > 0
                && checkpointIntervalMs(s) > 0)) {
            RunSummary with = runs.get(w);
            List<Integer> partners = indexes(runs, s -> is(s, WEIR, with.workload(), LATENCY) && checkpointIntervalMs(s) == 0);
            if (with.latencyNanos() == null) {
                none.add(new NoVerdict(target, List.of(w), "the run has no latency figures"));
                continue;
            }
            if (partners.isEmpty()) {
                none.add(new NoVerdict(target, List.of(w), "no run of " + with.workload() + " at "
                        + count(with.targetRate()) + " events/s without checkpoints to compare with (the same command "
                        + "without --checkpoint-interval, then weir bench compare)"));
                continue;
            }
            judgePairs(target, runs, w, partners, none, Targets::sameLatencyRun, o -> {
                long p99With = with.latencyNanos().p99();
                long p99Without = runs.get(o).latencyNanos().p99();
                verdicts.add(new TargetVerdict(target, List.of(w, o), List.of(new Criterion(
                        "p99 with / without checkpoints", pauseRatio(p99With, p99Without), Criterion.Bound.AT_MOST, 1.5,
                        Criterion.Unit.TIMES, Criterion.nanos(p99With) + " vs " + Criterion.nanos(p99Without)))));
            });
        }
    }

    // ---- matching

    private interface PairCheck {
        /** What differs between {@code subject} and {@code partner}, empty when they match. */
        List<String> differences(RunSummary subject, RunSummary partner);
    }

    /** Judges {@code subject} against every matching partner, or says why none matches. */
    private static void judgePairs(Target target, List<RunSummary> runs, int subject, List<Integer> partners,
                                   List<NoVerdict> none, PairCheck matcher, IntConsumer judge) {
        List<NoVerdict> mismatched = new ArrayList<>();
        boolean judged = false;
        for (int p : partners) {
            List<String> differences = matcher.differences(runs.get(subject), runs.get(p));
            if (differences.isEmpty()) {
                judge.accept(p);
                judged = true;
            } else {
                mismatched.add(new NoVerdict(target, List.of(subject, p), "not measured alike: " + String.join(", ", differences)));
            }
        }
        if (!judged) {
            none.addAll(mismatched);
        }
    }

    /** Events, parallelism, checkpoint interval, seed, and (when {@code eventTime}) the event time. */
    private static List<String> sameRunShape(RunSummary a, RunSummary b, boolean eventTime) {
        List<String> differences = new ArrayList<>();
        if (a.events() != b.events()) {
            differences.add("events " + count(a.events()) + " vs " + count(b.events()));
        }
        if (a.parallelism() != b.parallelism()) {
            differences.add("parallelism " + a.parallelism() + " vs " + b.parallelism());
        }
        if (a.targetRate() != b.targetRate()) {
            differences.add("rate " + count(a.targetRate()) + " vs " + count(b.targetRate()) + " events/s");
        }
        if (checkpointIntervalMs(a) != checkpointIntervalMs(b)) {
            differences.add("checkpoints " + checkpoints(a) + " vs " + checkpoints(b));
        }
        String seedA = config(a, "seed");
        String seedB = config(b, "seed");
        if (!Objects.equals(seedA, seedB)) {
            differences.add("seed " + (seedA == null ? "not recorded" : seedA) + " vs " + (seedB == null ? "not recorded" : seedB));
        }
        if (eventTime) {
            Optional<EventTimeSpec> timeA = eventTime(a);
            Optional<EventTimeSpec> timeB = eventTime(b);
            if (timeA.isEmpty() || timeB.isEmpty() || !timeA.equals(timeB)) {
                differences.add("event time " + timeA.map(EventTimeSpec::toString).orElse("not recorded") + " vs "
                        + timeB.map(EventTimeSpec::toString).orElse("not recorded"));
            }
        }
        return differences;
    }

    /** T8: the same run but for the checkpoint interval. */
    private static List<String> sameLatencyRun(RunSummary with, RunSummary without) {
        List<String> differences = new ArrayList<>();
        if (with.events() != without.events()) {
            differences.add("events " + count(with.events()) + " vs " + count(without.events()));
        }
        if (with.parallelism() != without.parallelism()) {
            differences.add("parallelism " + with.parallelism() + " vs " + without.parallelism());
        }
        if (with.targetRate() != without.targetRate()) {
            differences.add("rate " + count(with.targetRate()) + " vs " + count(without.targetRate()) + " events/s");
        }
        if (without.latencyNanos() == null) {
            differences.add("no latency figures in the run without checkpoints");
        }
        for (String key : concat("seed", WEIR_SETTINGS)) {
            String a = config(with, key);
            String b = config(without, key);
            if (!Objects.equals(a, b)) {
                differences.add(key + " " + a + " vs " + b);
            }
        }
        return differences;
    }

    // ---- reading summaries

    private static boolean is(RunSummary s, String engine, String workload, String mode) {
        boolean modeMatches = mode.equals(s.mode()) && (mode.equals(THROUGHPUT) ? s.targetRate() == 0 : s.targetRate() > 0);
        return engine.equals(s.engine()) && workload.equals(s.workload()) && modeMatches;
    }

    private static List<Integer> indexes(List<RunSummary> runs, Predicate<RunSummary> filter) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (filter.test(runs.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static String config(RunSummary s, String key) {
        Map<String, String> config = s.config();
        return config == null ? null : config.get(key);
    }

    /**
     * The checkpoint interval in ms: Weir's {@code checkpoint.interval-ms} or the Flink runner's
     * {@code checkpointIntervalMs}; 0 when neither is recorded (the generator) or it does not parse.
     */
    static long checkpointIntervalMs(RunSummary s) {
        String value = config(s, "checkpoint.interval-ms");
        if (value == null) {
            value = config(s, "checkpointIntervalMs");
        }
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The event time of a run's events: the {@code eventTime} entry of its config (both engines write it in the
     * same form), else, for Weir's older summaries, derived from {@code event-time-rate}.
     */
    static Optional<EventTimeSpec> eventTime(RunSummary s) {
        String text = config(s, "eventTime");
        if (text != null) {
            Matcher m = EVENT_TIME.matcher(text);
            if (m.find()) {
                return Optional.of(new EventTimeSpec(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Double.parseDouble(m.group(4))));
            }
            return Optional.empty();
        }
        String rate = config(s, "event-time-rate");
        if (WEIR.equals(s.engine()) && rate != null) {
            try {
                long r = Long.parseLong(rate.strip());
                return r > 0 ? Optional.of(new EventTimeSpec(DEFAULT_START_MILLIS, Math.max(1, Math.round(1e9 / r)), 0, 0))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The event time of generated events: event 0's, the interval between events, disorder, late share. */
    record EventTimeSpec(long startMillis, long intervalNanos, long outOfOrdernessMs, double lateFraction) {
        @Override
        public String toString() {
            return intervalNanos + " ns per event from " + startMillis + " ms"
                    + (outOfOrdernessMs == 0 && lateFraction == 0 ? "" : ", out-of-orderness " + outOfOrdernessMs
                    + " ms, late fraction " + lateFraction);
        }
    }

    /** {@code numerator}'s events/s over {@code denominator}'s (wall time), with both rates and the per-core ratio. */
    private static Criterion throughputRatio(String figure, RunSummary numerator, RunSummary denominator,
                                             Criterion.Bound bound, double limit) {
        double a = numerator.eventsPerSecond();
        double b = denominator.eventsPerSecond();
        return new Criterion(figure + " events/s", b > 0 ? a / b : Double.POSITIVE_INFINITY, bound, limit,
                Criterion.Unit.TIMES, Criterion.rate(a) + " vs " + Criterion.rate(b) + perCore(numerator, denominator));
    }

    /** p99 with over p99 without checkpoints; p99s of 0 (below the histogram's resolution) count as 1 ns. */
    private static double pauseRatio(long with, long without) {
        return Math.max(1, with) / (double) Math.max(1, without);
    }

    private static String perCore(RunSummary a, RunSummary b) {
        if (a.eventsPerSecondPerCore() > 0 && b.eventsPerSecondPerCore() > 0) {
            return "; per CPU-second " + Criterion.times(a.eventsPerSecondPerCore() / b.eventsPerSecondPerCore());
        }
        return "";
    }

    private static String checkpoints(RunSummary s) {
        long ms = checkpointIntervalMs(s);
        return ms == 0 ? "none" : ms < 0 ? "unreadable" : "every " + ms + " ms";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
