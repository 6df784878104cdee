package io.weir.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report of one or more runs (inline SVG, no script, nothing fetched when it is viewed): a
 * table of the summaries, a "Targets" table of the performance issue's targets that the runs can judge
 * ({@link Targets}), the latency by percentile (x: {@code 1/(1-p)} on a log scale, as HdrHistogram's plots; y: latency
 * on a log scale), and the throughput per second, the runs overlaid in one colour each.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class HtmlReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf"};
    private static final int WIDTH = 860;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 45;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    /** Nines shown on the percentile axis at most (99.9999%). */
    private static final int MAX_NINES = 6;

    private HtmlReport() {
    }

    /** Writes the report of {@code runs} to {@code file}. */
    public static void write(Path file, String title, List<LoadedRun> runs) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(title, runs), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report's HTML. */
    public static String render(String title, List<LoadedRun> runs) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                        + "font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f3f3f3}"
                        + "td.l{text-align:left}svg{background:#fff;border:1px solid #ddd}.axis{font-size:11px;fill:#444}"
                        + "</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        table(h, runs);
        TargetsSection.render(h, runs);
        h.append("<h2>Latency by percentile</h2>\n<p>From each result's closing event's intended emission time to the sink "
                + "(free of coordinated omission). Both axes are logarithmic.</p>\n");
        latencyChart(h, runs);
        h.append("<h2>Throughput per second</h2>\n<p>Solid: events generated; dashed: results at the sink.</p>\n");
        throughputChart(h, runs);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<LoadedRun> runs) {
        h.append("<table><tr><th></th><th class=\"l\">run</th><th>events</th><th>events/s</th><th>events/s per core</th>"
                + "<th>p50</th><th>p99</th><th>p99.9</th><th>p99.99</th><th>max</th><th>kept up</th><th class=\"l\">folder</th>"
                + "</tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunSummary s = runs.get(i).summary();
            RunSummary.Latency l = s.latencyNanos();
            h.append("<tr><td style=\"background:").append(colour(i)).append("\"></td><td class=\"l\">")
                    .append(escape(s.label())).append("</td><td>").append(String.format(Locale.ROOT, "%,d", s.events()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,.0f", s.eventsPerSecond()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,.0f", s.eventsPerSecondPerCore())).append("</td>");
            for (long v : l == null ? new long[0] : new long[]{l.p50(), l.p99(), l.p999(), l.p9999(), l.max()}) {
                h.append("<td>").append(duration(v / 1000.0)).append("</td>");
            }
            if (l == null) {
                h.append("<td colspan=\"5\">-</td>");
            }
            h.append("<td>").append(s.keptUpFraction() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * s.keptUpFraction())).append("</td><td class=\"l\">")
                    .append(escape(runs.get(i).folder().getFileName() == null ? "" : runs.get(i).folder().getFileName().toString()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (LoadedRun run : runs) {
            if (run.summary().notes() != null && !run.summary().notes().isBlank()) {
                h.append("<p><b>").append(escape(run.summary().label())).append(":</b> ")
                        .append(escape(run.summary().notes())).append("</p>\n");
            }
        }
    }

    private static void latencyChart(StringBuilder h, List<LoadedRun> runs) {
        double minMicros = Double.MAX_VALUE;
        double maxMicros = 0;
        boolean any = false;
        for (LoadedRun run : runs) {
            for (PercentilePoint p : run.percentiles()) {
                if (p.micros() > 0) {
                    minMicros = Math.min(minMicros, p.micros());
                    maxMicros = Math.max(maxMicros, p.micros());
                    any = true;
                }
            }
        }
        if (!any) {
            h.append("<p><i>No latency measured in these runs (throughput mode).</i></p>\n");
            return;
        }
        double yLow = Math.floor(Math.log10(minMicros));
        double yHigh = Math.max(yLow + 1, Math.ceil(Math.log10(maxMicros)));
        open(h);
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * nines / (double) MAX_NINES;
            gridX(h, x, nines == 0 ? "0%" : percentLabel(nines));
        }
        for (int e = (int) yLow; e <= (int) yHigh; e++) {
            double y = yFor(e, yLow, yHigh);
            gridY(h, y, duration(Math.pow(10, e)));
        }
        axisTitles(h, "percentile", "latency");
        for (int i = 0; i < runs.size(); i++) {
            List<String> points = new ArrayList<>();
            for (PercentilePoint p : runs.get(i).percentiles()) {
                if (p.percentile() >= 1 || p.micros() <= 0) {
                    continue;
                }
                double nines = Math.min(MAX_NINES, Math.log10(1 / (1 - p.percentile())));
                double x = LEFT + (WIDTH - LEFT - RIGHT) * nines / MAX_NINES;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, yFor(Math.log10(p.micros()), yLow, yHigh)));
            }
            polyline(h, points, colour(i), false, runs.get(i).summary().label());
        }
        legend(h, runs);
        h.append("</svg>\n");
    }

    private static void throughputChart(StringBuilder h, List<LoadedRun> runs) {
        long seconds = 1;
        long peak = 1;
        for (LoadedRun run : runs) {
            for (ThroughputRow r : run.throughput()) {
                seconds = Math.max(seconds, r.second() + 1);
                peak = Math.max(peak, Math.max(r.events(), r.sinkRecords()));
            }
        }
        double top = niceCeiling(peak);
        open(h);
        int xTicks = (int) Math.min(10, seconds);
        for (int t = 0; t <= xTicks; t++) {
            long second = Math.round(seconds * t / (double) xTicks);
            gridX(h, LEFT + (WIDTH - LEFT - RIGHT) * second / (double) seconds, second + " s");
        }
        for (int t = 0; t <= 5; t++) {
            double value = top * t / 5;
            gridY(h, TOP + (HEIGHT - TOP - BOTTOM) * (1 - t / 5.0), rate(value));
        }
        axisTitles(h, "elapsed time", "per second");
        for (int i = 0; i < runs.size(); i++) {
            List<String> events = new ArrayList<>();
            List<String> sunk = new ArrayList<>();
            for (ThroughputRow r : runs.get(i).throughput()) {
                double x = LEFT + (WIDTH - LEFT - RIGHT) * (r.second() + 0.5) / seconds;
                events.add(String.format(Locale.ROOT, "%.1f,%.1f", x, TOP + (HEIGHT - TOP - BOTTOM) * (1 - r.events() / top)));
                sunk.add(String.format(Locale.ROOT, "%.1f,%.1f", x, TOP + (HEIGHT - TOP - BOTTOM) * (1 - r.sinkRecords() / top)));
            }
            String label = runs.get(i).summary().label();
            polyline(h, events, colour(i), false, label + ": events");
            polyline(h, sunk, colour(i), true, label + ": results");
        }
        legend(h, runs);
        h.append("</svg>\n");
    }

    private static void open(StringBuilder h) {
        h.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">\n");
    }

    private static double yFor(double log10, double low, double high) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (log10 - low) / (high - low));
    }

    private static void gridX(StringBuilder h, double x, String label) {
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                        + "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                x, TOP, x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 15, escape(label)));
    }

    private static void gridY(StringBuilder h, double y, String label) {
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                        + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, escape(label)));
    }

    private static void axisTitles(StringBuilder h, String x, String y) {
        h.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                        + "<text class=\"axis\" x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>\n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(x), (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2,
                escape(y)));
    }

    private static void polyline(StringBuilder h, List<String> points, String colour, boolean dashed, String title) {
        if (points.isEmpty()) {
            return;
        }
        h.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                .append(dashed ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"").append(String.join(" ", points))
                .append("\"><title>").append(escape(title)).append("</title></polyline>\n");
    }

    private static void legend(StringBuilder h, List<LoadedRun> runs) {
        for (int i = 0; i < runs.size(); i++) {
            int y = TOP + 14 + 16 * i;
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                            + "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>\n", LEFT + 10, y - 4, colour(i), LEFT + 28, y,
                    escape(runs.get(i).summary().label())));
        }
    }

    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** {@code 90%}, {@code 99%}, {@code 99.9%}, ... for {@code nines} nines. */
    static String percentLabel(int nines) {
        if (nines == 1) {
            return "90%";
        }
        StringBuilder b = new StringBuilder("9".repeat(Math.min(2, nines)));
        if (nines > 2) {
            b.append('.').append("9".repeat(nines - 2));
        }
        return b.append('%').toString();
    }

    /** A latency in microseconds as text: {@code 850 µs}, {@code 1.2 ms}, {@code 3.4 s}. */
    static String duration(double micros) {
        if (micros < 1) {
            return String.format(Locale.ROOT, "%.0f ns", micros * 1_000);
        }
        if (micros < 1_000) {
            return String.format(Locale.ROOT, micros < 10 ? "%.1f µs" : "%.0f µs", micros);
        }
        if (micros < 1_000_000) {
            double ms = micros / 1_000;
            return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
