package io.weir.runtime.pipelines;

import io.weir.api.config.ExchangeMode;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.functions.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Word count over a generated text of one million words gives exact counts, on every scheduler and exchange mode. */
class MillionWordCountTest {

    static List<RunConfig> configs() {
        return List.of(new RunConfig("dedicated", ExchangeMode.OBJECT, 2), new RunConfig("cooperative", ExchangeMode.OBJECT, 2),
                new RunConfig("dedicated", ExchangeMode.SERIALIZED, 2), new RunConfig("cooperative", ExchangeMode.SERIALIZED, 4));
    }

    record Count(String word, long n) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldCountOneMillionWordsExactly(RunConfig config) {
        List<String> lines = PipelineShapesTest.text(new Random(7), 50_000, 20, 20_000);
        Map<String, Long> expected = PipelineShapesTest.countWords(lines);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);

        var env = config.environment();
        CollectSink<Count> sink = Sinks.collect();
        env.fromCollection(lines)
                .flatMap((String line, Collector<Count> out) -> {
                    for (String w : line.split(" ")) {
                        out.collect(new Count(w, 1));
                    }
                })
                .keyBy(Count::word)
                .reduce((a, b) -> new Count(a.word(), a.n() + b.n()))
                .sinkTo(sink);
        env.execute("million words");

        Map<String, Long> finalCounts = new HashMap<>();
        List<Count> results = sink.results();
        for (Count c : results) {
            finalCounts.merge(c.word(), c.n(), Math::max);
        }
        assertThat(results).hasSize(1_000_000);
        assertThat(finalCounts).isEqualTo(expected);
    }
}
