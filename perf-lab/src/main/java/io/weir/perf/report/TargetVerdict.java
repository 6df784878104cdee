package io.weir.perf.report;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A target judged on one run or a pair of runs: met when every criterion is.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param target   the target
 * @param runs     the runs it was judged on, as indexes into the list given to {@link Targets#evaluate}: the
 *                 Weir run first, then the run it was compared with (if any)
 * @param criteria the measured figures against the target's (one or more)
 */
public record TargetVerdict(Target target, List<Integer> runs, List<Criterion> criteria) {
    public TargetVerdict {
        Objects.requireNonNull(target, "target");
        runs = List.copyOf(runs);
        criteria = List.copyOf(criteria);
        if (runs.isEmpty() || criteria.isEmpty()) {
            throw new IllegalArgumentException(target + ": a verdict needs at least one run and one criterion");
        }
    }

    /** The verdict: met or missed. */
    public enum Verdict {
        /** Every criterion is met. */
        MET,
        /** At least one criterion is missed. */
        MISSED
    }

    /** {@link Verdict#MET} when every criterion is met. */
    public Verdict verdict() {
        return criteria.stream().allMatch(Criterion::met) ? Verdict.MET : Verdict.MISSED;
    }

    /** {@code true} when every criterion is met. */
    public boolean met() {
        return verdict() == Verdict.MET;
    }

    /**
     * By how much: when met, the smallest margin of the criteria (how many times over the target the run is); when
     * missed, the largest factor by which a criterion is missed.
     */
    public double factor() {
        return met() ? criteria.stream().mapToDouble(Criterion::factor).min().orElseThrow()
                : criteria.stream().filter(c -> !c.met()).mapToDouble(Criterion::factor).max().orElseThrow();
    }

    /** The measured figures: {@code p99.99 8.5 ms; kept up 100%}. */
    public String measuredText() {
        return criteria.stream().map(c -> c.figure() + " " + c.measuredText()).collect(Collectors.joining("; "));
    }

    /** The target's figures: {@code p99.99 < 1 ms}. */
    public String requiredText() {
        return criteria.stream().map(c -> c.figure() + " " + c.requiredText()).collect(Collectors.joining("; "));
    }

    /** {@code met by 1.15x} or {@code missed by 8.5x}. */
    public String factorText() {
        double factor = factor();
        if (Double.isInfinite(factor)) {
            return met() ? "met" : "missed";
        }
        return (met() ? "met by " : "missed by ") + Criterion.times(factor);
    }

    /**
     * One line: {@code MISSED by 8.5x: p99.99 8.5 ms (target < 1 ms)}, or
     * {@code MET by 1.15x: q1 / Flink events/s 4.62x (target >= 4x; 23.1 M/s vs 5 M/s)}; with several criteria, the
     * ones met are marked so when the verdict is missed.
     */
    public String text() {
        String factor = factorText();
        String head = verdict().name() + factor.substring(factor.indexOf(' ') < 0 ? factor.length() : factor.indexOf(' '));
        return head + ": " + criteria.stream()
                .map(c -> c.text() + (!met() && c.met() && criteria.size() > 1 ? " met" : ""))
                .collect(Collectors.joining("; "));
    }
}
