package io.weir.cli;

import io.weir.examples.Examples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@code weir} command: {@code weir run <example>}, {@code weir examples}, {@code weir plugins}, {@code weir bench},
 * {@code weir help},
 * {@code --help} and {@code --version}. The {@code weir} launcher script starts {@link #main}; tests
 * build a {@code WeirCli} with their own examples and streams and call {@link #execute}.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILED} the job failed, {@value #EXIT_USAGE}
 * the command line was wrong (unknown example or option, bad value).
 *
 * <h2>Thread safety</h2>
 * One instance runs one command at a time, on the caller's thread.
 */
@Command(name = "weir",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Weir, a stream-processing engine for the JVM: runs the example jobs and the benchmarks.",
        subcommands = {RunCommand.class, ExamplesCommand.class, PluginsCommand.class, BenchCommand.class, HelpCommand.class},
        footerHeading = "%nLauncher only:%n",
        footer = {
            "  weir test [maven arguments]   runs the whole test suite (./mvnw -B verify)",
            "",
            "Environment: WEIR_JAVA_HOME (the JDK 25 to use), WEIR_JAVA_OPTS (extra JVM options such as -Xmx4g).",
            "Exit codes: 0 success, 1 the job failed, 2 wrong command line."
        })
public final class WeirCli implements Callable<Integer> {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** The job failed. */
    public static final int EXIT_FAILED = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;
    /** The slf4j-simple key of the io.weir log level, which {@code --verbose} raises to debug. */
    static final String WEIR_LOG_LEVEL_KEY = "org.slf4j.simpleLogger.log.io.weir";

    private final Examples examples;
    private final PrintStream out;
    private final PrintStream err;
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    /**
     * A command line over {@code examples} that prints results to {@code out} and errors to {@code err}.
     */
    public WeirCli(Examples examples, PrintStream out, PrintStream err) {
        this.examples = Objects.requireNonNull(examples, "examples");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs {@code weir} with the examples found on the class path and exits with its exit code. */
    public static void main(String[] args) {
        int exitCode = new WeirCli(Examples.discover(), System.out, System.err).execute(args);
        System.exit(exitCode);
    }

    /** Parses {@code args}, runs the command and returns its exit code; never calls {@link System#exit}. */
    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    /** {@code weir} without a command: prints the usage to standard error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("weir: missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Logs io.weir at debug level and prints stack traces of failures.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            // read by slf4j-simple when each logger is created, so it must be set before the job starts
            System.setProperty(WEIR_LOG_LEVEL_KEY, "debug");
        }
    }

    boolean verbose() {
        return verbose;
    }

    Examples examples() {
        return examples;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
