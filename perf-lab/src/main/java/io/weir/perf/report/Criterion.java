package io.weir.perf.report;

import java.util.Locale;
import java.util.Objects;

/**
 * One measured figure of a target against its bound, such as "p99.99 8.5 ms, target < 1 ms".
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @param figure   what is measured, for example {@code p99.99} or {@code q1 / Flink events/s}
 * @param measured the measured value, in {@code unit}
 * @param bound    how it must compare with {@code limit}
 * @param limit    the target's figure, in {@code unit}
 * @param unit     how both values are shown
 * @param basis    the figures a ratio was computed from (for example {@code 23.1 M/s vs 5 M/s}), or empty
 */
public record Criterion(String figure, double measured, Bound bound, double limit, Unit unit, String basis) {
    public Criterion {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(unit, "unit");
        basis = basis == null ? "" : basis;
        if (Double.isNaN(measured) || !(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("criterion " + figure + ": measured " + measured + " and limit " + limit
                    + " must be numbers, the limit positive");
        }
    }

    /** How the measured value must compare with the limit. */
    public enum Bound {
        /** {@code measured >= limit}. */
        AT_LEAST(">="),
        /** {@code measured <= limit}. */
        AT_MOST("<="),
        /** {@code measured < limit}. */
        BELOW("<");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        /** {@code >=}, {@code <=} or {@code <}. */
        public String symbol() {
            return symbol;
        }
    }

    /** How a value is shown. */
    public enum Unit {
        /** A ratio, shown as {@code 4.62x}. */
        TIMES,
        /** A duration in nanoseconds, shown as {@code 8.5 ms}. */
        NANOS,
        /** A share in [0, 1], shown as {@code 99.5%}. */
        FRACTION
    }

    /** {@code true} when the measured value is within the bound. */
    public boolean met() {
        return switch (bound) {
            case AT_LEAST -> measured >= limit;
            case AT_MOST -> measured <= limit;
            case BELOW -> measured < limit;
        };
    }

    /**
     * By how much: when {@link #met() met}, the margin ({@code >= 1}: how many times the limit the measured value
     * beats it by); when missed, how many times the measured value is off the limit ({@code >= 1}). A lower bound
     * missed with 0 measured, or an upper bound met with 0 measured, is infinite.
     */
    public double factor() {
        boolean atLeast = bound == Bound.AT_LEAST;
        double numerator = atLeast == met() ? measured : limit;
        double denominator = atLeast == met() ? limit : measured;
        return denominator == 0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }

    /** The measured value with its unit. */
    public String measuredText() {
        return format(measured, unit);
    }

    /** The target's figure, such as {@code < 1 ms}. */
    public String requiredText() {
        return bound.symbol() + " " + format(limit, unit);
    }

    /** {@code p99.99 8.5 ms (target < 1 ms)}, with the basis of a ratio after a semicolon. */
    public String text() {
        return figure + " " + measuredText() + " (target " + requiredText() + (basis.isEmpty() ? "" : "; " + basis) + ")";
    }

    /** {@code value} in {@code unit}: {@code 4.62x}, {@code 8.5 ms}, {@code 99.5%}. */
    static String format(double value, Unit unit) {
        return switch (unit) {
            case TIMES -> times(value);
            case NANOS -> nanos(value);
            case FRACTION -> trim(String.format(Locale.ROOT, "%.1f", 100 * value)) + "%";
        };
    }

    /** A factor: {@code 4.62x}, {@code 21.5x}, {@code 218x}, {@code 2x}. */
    static String times(double factor) {
        if (Double.isInfinite(factor)) {
            return "infinitely many times";
        }
        String digits = factor < 10 ? "%.2f" : factor < 100 ? "%.1f" : "%.0f";
        return trim(String.format(Locale.ROOT, digits, factor)) + "x";
    }

    /** A duration: {@code 850 ns}, {@code 8.5 us}, {@code 8.5 ms}, {@code 1.09 s}. */
    static String nanos(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1e6) {
            return trim(String.format(Locale.ROOT, "%.1f", nanos / 1e3)) + " us";
        }
        if (nanos < 1e9) {
            return trim(String.format(Locale.ROOT, "%.2f", nanos / 1e6)) + " ms";
        }
        return trim(String.format(Locale.ROOT, "%.2f", nanos / 1e9)) + " s";
    }

    /** Events per second: {@code 23.1 M/s}, {@code 850 k/s}. */
    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.2f", perSecond / 1e6)) + " M/s";
        }
        if (perSecond >= 1e3) {
            return trim(String.format(Locale.ROOT, "%.1f", perSecond / 1e3)) + " k/s";
        }
        return String.format(Locale.ROOT, "%.0f/s", perSecond);
    }

    private static String trim(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String trimmed = number.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
