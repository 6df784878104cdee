package io.weir.cli;

import java.util.Locale;

/** Counts on the command line: {@code 50000}, {@code 50_000}, {@code 50k}, {@code 1.5M}, {@code 2G}. */
final class Sizes {
    private Sizes() {
    }

    /**
     * The count {@code text} stands for.
     *
     * @throws IllegalArgumentException naming {@code option}, when it is not a count
     */
    static long parse(String text, String option) {
        String t = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("k")) {
            factor = 1e3;
        } else if (t.endsWith("m")) {
            factor = 1e6;
        } else if (t.endsWith("g")) {
            factor = 1e9;
        }
        if (factor > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t) * factor;
            if (value < 0 || value != Math.rint(value) || value > Long.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (long) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole count such as 50000, 50k or 1.5M, was '" + text + "'");
        }
    }
}
