package io.weir.cli;

import io.weir.perf.report.HtmlReport;
import io.weir.perf.report.LoadedRun;
import io.weir.perf.report.RunFolder;
import io.weir.perf.report.RunSummary;
import io.weir.perf.report.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code weir bench compare <run-folder>...}: overlays run folders (Weir's or the Flink runner's) in one HTML report,
 * prints one line per run (numbered as the target lines name them) and the verdicts of the performance issue's targets
 * that the runs can judge ({@link Targets}).
 * Exit code 2 when a folder is missing or malformed (the message names the folder and file).
 */
@Command(name = "compare", description = "Overlays run folders in one HTML report (latency by percentile, throughput).")
final class BenchCompareCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Parameters(arity = "1..*", paramLabel = "<run-folder>", description = "Run folders written by weir bench or the Flink runner.")
    private List<Path> folders;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The report (default: target/bench/compare-<time>.html).")
    private Path out;

    @Option(names = "--title", description = "The report's title.")
    private String title;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<LoadedRun> runs = new ArrayList<>();
        for (Path folder : folders) {
            try {
                runs.add(RunFolder.read(folder));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("weir bench compare: " + e.getMessage());
                return WeirCli.EXIT_USAGE;
            }
        }
        Path report = out != null ? out : BenchCommand.weirHome().resolve("target").resolve("bench").resolve("compare-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".html");
        HtmlReport.write(report, title != null ? title : "weir bench compare: " + runs.size() + " runs", runs);
        var o = spec.commandLine().getOut();
        for (int i = 0; i < runs.size(); i++) {
            var s = runs.get(i).summary();
            o.printf(Locale.ROOT, "#%-3d %-70s %,14.0f events/s%s%n", i + 1, s.label(), s.eventsPerSecond(), s.latencyNanos() == null ? ""
                    : String.format(Locale.ROOT, "  p99 %.3f ms  p99.99 %.3f ms", s.latencyNanos().p99() / 1e6,
                    s.latencyNanos().p9999() / 1e6));
        }
        List<RunSummary> summaries = runs.stream().map(LoadedRun::summary).toList();
        Targets.evaluate(summaries).lines(summaries).forEach(o::println);
        o.println("report: " + report.toAbsolutePath());
        o.flush();
        return WeirCli.EXIT_OK;
    }
}
