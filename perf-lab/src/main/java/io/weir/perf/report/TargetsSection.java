package io.weir.perf.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The "Targets" section of {@link HtmlReport}: one table row per target judged (the target, the runs, the figures
 * measured and required, met or missed and by how much), then the runs that a target could not judge, and why.
 */
final class TargetsSection {
    private static final String MET = "#1a7f37";
    private static final String MISSED = "#cf222e";

    private TargetsSection() {
    }

    static void render(StringBuilder h, List<LoadedRun> runs) {
        List<RunSummary> summaries = runs.stream().map(LoadedRun::summary).toList();
        Targets.Evaluation evaluation = Targets.evaluate(summaries);
        h.append("<h2>Targets</h2>\n");
        if (evaluation.isEmpty()) {
            h.append("<p>No target of the performance issue applies to ").append(runs.size() == 1 ? "this run" : "these runs")
                    .append(" (see docs/benchmarks/nexmark.md for the targets and the runs each needs).</p>\n");
            return;
        }
        if (!evaluation.verdicts().isEmpty()) {
            h.append("<table class=\"targets\"><tr><th class=\"l\">target</th><th class=\"l\">what it demands</th>"
                    + "<th class=\"l\">runs</th><th>measured</th><th>required</th><th>verdict</th><th class=\"l\">by how much</th>"
                    + "</tr>\n");
            for (TargetVerdict v : evaluation.verdicts()) {
                String colour = v.met() ? MET : MISSED;
                h.append("<tr><td class=\"l\">").append(v.target().id()).append("</td><td class=\"l\">")
                        .append(HtmlReport.escape(v.target().text())).append("</td><td class=\"l\">")
                        .append(runs(v.runs(), summaries)).append("</td><td>").append(HtmlReport.escape(v.measuredText()))
                        .append(basis(v)).append("</td><td>").append(HtmlReport.escape(v.requiredText()))
                        .append("</td><td style=\"color:").append(colour).append(";font-weight:bold\">").append(v.verdict().name())
                        .append("</td><td class=\"l\">").append(HtmlReport.escape(v.factorText())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!evaluation.noVerdicts().isEmpty()) {
            h.append("<p>No verdict:</p>\n<ul>\n");
            for (Targets.NoVerdict n : evaluation.noVerdicts()) {
                h.append("<li><b>").append(n.target().id()).append("</b> (").append(HtmlReport.escape(n.target().text()))
                        .append("), ").append(runs(n.runs(), summaries)).append(": ").append(HtmlReport.escape(n.reason()))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p>A ratio target is judged only on runs measured alike (same workload, events, parallelism, seed, "
                + "checkpoint interval and, against Flink, event time); events/s are by wall time. Weir's throughput runs count "
                + "from the job's submission after a warm-up run, the Flink runner's from its first event without one: use "
                + "runs of tens of millions of events for a verdict worth quoting. The channel hand-off target (JMH) has "
                + "no run folder and is not judged here.</p>\n");
    }

    private static String basis(TargetVerdict v) {
        String basis = v.criteria().stream().map(Criterion::basis).filter(b -> !b.isEmpty())
                .collect(Collectors.joining("; "));
        return basis.isEmpty() ? "" : "<br><small>" + HtmlReport.escape(basis) + "</small>";
    }

    private static String runs(List<Integer> indexes, List<RunSummary> runs) {
        return indexes.stream().map(i -> "<span style=\"color:" + HtmlReport.colour(i) + "\">&#9632;</span> "
                + HtmlReport.escape(runs.get(i).label())).collect(Collectors.joining(" vs "));
    }
}
