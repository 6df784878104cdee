package io.weir.connectors.files.source;

import io.weir.api.JobFailedException;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file source through the real runtime: every line exactly once, malformed lines failing or side-routed. */
class FileSourcePipelineTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (int parallelism : new int[] {1, 2, 4}) {
            for (ExchangeMode mode : ExchangeMode.values()) {
                all.add(Arguments.of(parallelism, mode));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "p={0} {1}")
    @MethodSource("cases")
    void shouldReadEveryLineOfAFolderExactlyOnce(int parallelism, ExchangeMode mode) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            expected.addAll(FileSourceReadingTest.write(dir.resolve("f" + f + ".txt"), "f" + f, 3000 + 500 * f));
        }
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode);
        CollectSink<String> sink = Sinks.collect();
        env.fromSource(FileSource.forFormat(LineFormat.text(), dir).blockSize(16 * 1024).build(), "files")
                .rebalance().map(String::toUpperCase).sinkTo(sink);

        env.execute("files p" + parallelism);

        ExactlyOnce.assertSameElements("records", sink.results(), expected.stream().map(String::toUpperCase).toList());
    }

    @Test
    void shouldRouteMalformedLinesToTheSideOutput() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{\"n\": 1}\n{bad\n\n{\"n\": 2}\n[1,\n");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        CollectSink<Integer> values = Sinks.collect();
        CollectSink<MalformedLine> malformed = Sinks.collect();
        DataStream<Integer> numbers = env.fromSource(FileSource.forFormat(
                        JsonLinesFormat.tree().map(Integer.class, n -> n.get("n").asInt()), dir).buildWithMalformedLines(), "json")
                .process(FileRecord.<Integer>splitMalformed());
        numbers.sinkTo(values);
        numbers.getSideOutput(MalformedLine.TAG).sinkTo(malformed);

        env.execute("side output");

        assertThat(values.results()).containsExactlyInAnyOrder(1, 2);
        assertThat(malformed.results()).extracting(MalformedLine::line).containsExactlyInAnyOrder(2L, 5L);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(ExchangeMode.class)
    void shouldSendCsvRowsAndMalformedLinesAcrossAnExchange(ExchangeMode mode) throws Exception {
        Files.writeString(dir.resolve("a.csv"), "k,v\n1,a\n2,b,extra\n3,\"c, d\"\n");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode);
        CollectSink<CsvRow> rows = Sinks.collect();
        CollectSink<MalformedLine> malformed = Sinks.collect();
        DataStream<CsvRow> split = env.fromSource(FileSource.forFormat(CsvFormat.withHeader(), dir).buildWithMalformedLines(),
                        "csv")
                .rebalance()
                .process(FileRecord.<CsvRow>splitMalformed());
        split.rebalance().sinkTo(rows);
        split.getSideOutput(MalformedLine.TAG).rebalance().sinkTo(malformed);

        env.execute("csv across exchanges");

        assertThat(rows.results()).extracting(r -> r.get("v")).containsExactlyInAnyOrder("a", "c, d");
        assertThat(malformed.results()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.column()).isEqualTo(3);
            assertThat(m.text()).isEqualTo("2,b,extra");
        });
    }

    @Test
    void shouldFailTheJobNamingTheMalformedLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "a,b\n1,2\n3\n");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        env.fromSource(FileSource.forFormat(CsvFormat.withHeader(), dir).build(), "csv").sinkTo(Sinks.discard());

        assertThatThrownBy(() -> env.execute("fail")).isInstanceOf(JobFailedException.class)
                .hasStackTraceContaining(MalformedLineException.class.getName() + ": malformed line in " + file
                        + ", line 3, column 2: expected 2 columns, found 1: 3");
    }
}
