package io.weir.cli;

import io.weir.examples.ExampleJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code weir examples}: lists the example jobs, one per line, with their descriptions. */
@Command(name = "examples", description = "Lists the example jobs that `weir run` can start.")
final class ExamplesCommand implements Callable<Integer> {
    @ParentCommand
    private WeirCli cli;

    @Override
    public Integer call() {
        List<ExampleJob> jobs = cli.examples().all();
        PrintStream out = cli.out();
        if (jobs.isEmpty()) {
            out.println("No examples found on the class path.");
            return 0;
        }
        int width = jobs.stream().mapToInt(job -> job.name().length()).max().orElse(0);
        out.println("Examples (run one with: weir run <name>):");
        for (ExampleJob job : jobs) {
            out.printf("  %-" + width + "s  %s%n", job.name(), job.description());
        }
        out.flush();
        return 0;
    }
}
