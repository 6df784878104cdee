package io.weir.cli;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.Sinks;
import io.weir.examples.ExampleJob;
import io.weir.examples.Examples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real registry and the real runtime: what {@code ./weir run ...} does, without the launcher. */
class WithTheRuntimeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldFindTheWordCountExampleThroughServiceLoader() {
        assertThat(cli(Examples.discover()).execute("examples")).isZero();
        assertThat(out()).contains("wordcount");
    }

    @Test
    void shouldRunTheWordCountExample() {
        int exit = cli(Examples.discover()).execute("run", "wordcount", "--parallelism", "2", "--exchange", "serialized");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).containsPattern("^\\d+ distinct words, \\d+ in all").containsPattern("(?m)^the +\\d+$");
    }

    @Test
    void shouldNameTheOperatorWhoseFunctionThrew() {
        List<ExampleJob> examples = new ArrayList<>(Examples.discover().all());
        examples.add(new ExplodingExample());

        int exit = cli(Examples.of(examples)).execute("run", "explode", "-p", "2");

        assertThat(exit).isEqualTo(WeirCli.EXIT_FAILED);
        assertThat(err()).contains("example 'explode' failed in operator 'explode-on-3'", "IllegalStateException: bad record 3");
    }

    private WeirCli cli(Examples examples) {
        return new WeirCli(examples, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A real job whose map function throws on one record. */
    static final class ExplodingExample implements ExampleJob {
        @Override
        public String name() {
            return "explode";
        }

        @Override
        public String description() {
            return "fails on its third record";
        }

        @Override
        public void run(StreamEnvironment env, PrintStream out) {
            env.fromElements(1, 2, 3, 4)
                    .map(x -> {
                        if (x == 3) {
                            throw new IllegalStateException("bad record " + x);
                        }
                        return x;
                    })
                    .name("explode-on-3")
                    .sinkTo(Sinks.discard());
            env.execute("explode");
        }
    }
}
