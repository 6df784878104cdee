package io.weir.cli;

import io.weir.api.JobFailedException;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.examples.ExampleJob;
import io.weir.examples.Examples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeirCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordingExample recorder = new RecordingExample();
    private final WeirCli cli = new WeirCli(Examples.of(List.of(recorder, new FailingExample())),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shouldListTheCommandsInTheHelp() {
        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out()).contains("Usage: weir", "run", "examples", "help", "--version", "--verbose", "weir test");
    }

    @Test
    void shouldDescribeTheRunOptionsInItsHelp() {
        int exit = cli.execute("help", "run");

        assertThat(exit).isZero();
        assertThat(out()).contains("<example>", "--parallelism", "--scheduler", "--exchange", "-D");
    }

    @Test
    void shouldPrintTheVersionFromTheFilteredResource() {
        int exit = cli.execute("--version");

        assertThat(exit).isZero();
        assertThat(out().lines().findFirst()).get().asString().matches("weir \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldListTheExamplesWithTheirDescriptions() {
        int exit = cli.execute("examples");

        assertThat(exit).isZero();
        assertThat(out()).contains("  failing   always fails in its tokenize operator", "  recorder  remembers its environment");
    }

    @Test
    void shouldRejectAnUnknownExampleNamingTheAvailableOnes() {
        int exit = cli.execute("run", "wordcuont");

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("unknown example 'wordcuont'", "Available examples: failing, recorder");
        assertThat(recorder.runs).isZero();
    }

    @Test
    void shouldRejectAMissingCommandOrExample() {
        assertThat(cli.execute()).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(cli.execute("run")).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("missing command", "Missing required parameter: '<example>'");
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertThat(cli.execute("run", "recorder", "--parallism", "2")).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("--parallism");
    }

    @Test
    void shouldRunTheExampleAndPrintItsResults() {
        int exit = cli.execute("run", "recorder");

        assertThat(exit).isZero();
        assertThat(recorder.runs).isEqualTo(1);
        assertThat(out()).isEqualTo("recorded" + System.lineSeparator());
    }

    @Test
    void shouldApplyTheFlagsToTheEnvironmentWithFlagsWinningOverDashD() {
        int exit = cli.execute("run", "recorder", "--parallelism", "3", "--scheduler", "dedicated",
                "--exchange", "serialized", "-D", "exchange.batch-size=64", "-Dparallelism=7", "-D", "plugin.x=y");

        assertThat(exit).isZero();
        Configuration c = recorder.configuration;
        assertThat(c.get(ExecutionOptions.PARALLELISM)).isEqualTo(3);
        assertThat(c.get(ExecutionOptions.SCHEDULER)).isEqualTo("dedicated");
        assertThat(c.get(ExecutionOptions.EXCHANGE_MODE)).isEqualTo(ExchangeMode.SERIALIZED);
        assertThat(c.get(ExecutionOptions.BATCH_SIZE)).isEqualTo(64);
        assertThat(c.getString("plugin.x")).isEqualTo("y");
    }

    @Test
    void shouldAcceptTheExchangeModeInLowerCase() {
        assertThat(cli.execute("run", "recorder", "-x", "object")).isZero();
        assertThat(recorder.configuration.get(ExecutionOptions.EXCHANGE_MODE)).isEqualTo(ExchangeMode.OBJECT);
    }

    @Test
    void shouldRejectABadOptionValueBeforeRunning() {
        int exit = cli.execute("run", "recorder", "-D", "exchange.batch-size=lots");

        assertThat(exit).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("exchange.batch-size", "lots");
        assertThat(recorder.runs).isZero();
    }

    @Test
    void shouldRejectAParallelismBelowOne() {
        assertThat(cli.execute("run", "recorder", "--parallelism", "0")).isEqualTo(WeirCli.EXIT_USAGE);
        assertThat(err()).contains("--parallelism must be at least 1");
        assertThat(recorder.runs).isZero();
    }

    @Test
    void shouldExitWithOneAndNameTheFailingOperatorWhenTheJobFails() {
        int exit = cli.execute("run", "failing");

        assertThat(exit).isEqualTo(WeirCli.EXIT_FAILED);
        assertThat(err()).contains(
                "example 'failing' failed in operator 'tokenize' (subtask 1): IllegalStateException: bad record 42",
                "--verbose");
        assertThat(err()).doesNotContain("\tat ");
    }

    @Test
    void shouldPrintTheStackTraceOfAFailureWhenVerbose() {
        int exit = cli.execute("run", "failing", "--verbose");

        assertThat(exit).isEqualTo(WeirCli.EXIT_FAILED);
        assertThat(err()).contains("JobFailedException", "\tat ");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Remembers the configuration it was given and prints one line. */
    static final class RecordingExample implements ExampleJob {
        int runs;
        Configuration configuration;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public String description() {
            return "remembers its environment";
        }

        @Override
        public void run(StreamEnvironment env, PrintStream out) {
            runs++;
            configuration = env.getConfiguration().copy();
            out.println("recorded");
        }
    }

    /** Fails the way a job whose user function threw does. */
    static final class FailingExample implements ExampleJob {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String description() {
            return "always fails in its tokenize operator";
        }

        @Override
        public void run(StreamEnvironment env, PrintStream out) {
            throw new JobFailedException("job 'failing' failed in operator 'tokenize' (subtask 1)",
                    new IllegalStateException("bad record 42"), "tokenize", 1);
        }
    }
}
