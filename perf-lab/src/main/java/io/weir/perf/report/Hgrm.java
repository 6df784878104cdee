package io.weir.perf.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads HdrHistogram's percentile distribution text ({@code Histogram.outputPercentileDistribution}): rows of
 * {@code Value Percentile TotalCount 1/(1-Percentile)}, the last one without the fourth column; a header line, blank
 * lines and {@code #[...]} footer lines around them.
 */
final class Hgrm {
    private Hgrm() {
    }

    /** The rows of {@code lines}, in order. */
    static List<PercentilePoint> parse(List<String> lines) {
        List<PercentilePoint> points = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("Value")) {
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length < 3) {
                throw new IllegalArgumentException("line " + number + " is not a percentile row: '" + raw + "'");
            }
            try {
                double value = Double.parseDouble(cols[0]);
                double percentile = Double.parseDouble(cols[1]);
                if (percentile < 0 || percentile > 1) {
                    throw new IllegalArgumentException("line " + number + ": percentile " + percentile + " is not in [0, 1]");
                }
                points.add(new PercentilePoint(percentile, value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + " is not a percentile row: '" + raw + "'", e);
            }
        }
        return points;
    }
}
