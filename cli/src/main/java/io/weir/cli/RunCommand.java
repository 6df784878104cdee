package io.weir.cli;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.examples.ExampleJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code weir run <example>}: configures a {@link StreamEnvironment} from the flags, runs the example
 * on it and prints its results. Exit code 0 when it finished, 1 when the job failed (the message names
 * the failing operator), 2 for an unknown example or a bad option value.
 */
@Command(name = "run", sortOptions = false,
        description = "Runs an example job and prints its results.",
        footer = {"", "Examples:",
            "  weir run wordcount",
            "  weir run wordcount -p 4 -x serialized -Dscheduler.idle-strategy=yield",
            "",
            "The -D keys are the options of io.weir.api.config.ExecutionOptions (such as",
            "exchange.batch-size or watchdog.timeout) and any option a plugin reads."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private WeirCli cli;

    @Parameters(index = "0", paramLabel = "<example>", description = "The example's name (see `weir examples`).")
    private String exampleName;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "Default parallelism of every operator (default: the number of cores).")
    private Integer parallelism;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME",
            description = "Scheduler that maps tasklets to threads: cooperative (default) or dedicated.")
    private String scheduler;

    @Option(names = {"-x", "--exchange"}, paramLabel = "MODE",
            description = "How records cross between tasks: object (default) or serialized.")
    private ExchangeMode exchange;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Sets a configuration option; repeatable.")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Optional<ExampleJob> example = cli.examples().find(exampleName);
        if (example.isEmpty()) {
            cli.err().println("weir: unknown example '" + exampleName + "'. Available examples: "
                    + (cli.examples().names().isEmpty() ? "(none)" : String.join(", ", cli.examples().names()))
                    + ". `weir examples` describes them.");
            return WeirCli.EXIT_USAGE;
        }
        Configuration configuration;
        try {
            configuration = new JobSettings(parallelism, scheduler, exchange, properties).toConfiguration();
        } catch (IllegalArgumentException e) {
            cli.err().println("weir: " + e.getMessage());
            return WeirCli.EXIT_USAGE;
        }
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        log.debug("running example '{}' with configuration {}", exampleName, configuration);
        try {
            example.get().run(StreamEnvironment.create(configuration), cli.out());
            cli.out().flush();
            return WeirCli.EXIT_OK;
        } catch (Exception e) {
            cli.out().flush();
            cli.err().println("weir: " + FailureReport.describe(exampleName, e));
            if (cli.verbose()) {
                e.printStackTrace(cli.err());
            } else {
                cli.err().println("weir: run again with --verbose for the stack trace.");
            }
            return WeirCli.EXIT_FAILED;
        }
    }
}
