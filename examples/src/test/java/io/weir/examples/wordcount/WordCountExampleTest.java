package io.weir.examples.wordcount;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.examples.wordcount.WordCountExample.WordCount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class WordCountExampleTest {

    @Test
    void shouldSplitLinesIntoLowerCaseWords() {
        assertThat(WordCountExample.words("A weir, a  River; it's 2 rivers."))
                .containsExactly("a", "weir", "a", "river", "it", "s", "2", "rivers");
    }

    @Test
    void shouldKeepTheLargestRunningCountPerWord() {
        var updates = List.of(new WordCount("b", 1), new WordCount("a", 1), new WordCount("b", 2), new WordCount("a", 2),
                new WordCount("a", 3));

        assertThat(WordCountExample.finalCounts(updates)).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
    }

    @ParameterizedTest(name = "parallelism {0}, {1} exchange")
    @CsvSource({"1, OBJECT", "3, OBJECT", "3, SERIALIZED"})
    void shouldPrintTheSameCountsAsASequentialCount(int parallelism, ExchangeMode exchange) {
        var env = StreamEnvironment.create().setParallelism(parallelism).configure(ExecutionOptions.EXCHANGE_MODE, exchange);
        var bytes = new ByteArrayOutputStream();

        new WordCountExample().run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        Map<String, Long> expected = new TreeMap<>();
        WordCountExample.lines().forEach(line -> WordCountExample.words(line).forEach(w -> expected.merge(w, 1L, Long::sum)));
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed.getFirst()).isEqualTo(expected.size() + " distinct words, "
                + expected.values().stream().mapToLong(Long::longValue).sum() + " in all");
        assertThat(printed.subList(1, printed.size()))
                .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                        .map(e -> String.format("%-14s %d", e.getKey(), e.getValue())).toList());
        assertThat(printed.get(1)).startsWith("the ");
    }
}
