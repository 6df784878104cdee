package io.weir.runtime.pipelines;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.Sinks;
import io.weir.api.functions.Collector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    record WordCount(String word, int count) {
    }

    @Test
    void shouldCountWords() {
        for (ExchangeMode mode : ExchangeMode.values()) {
            for (String sched : List.of("dedicated", "cooperative")) {
                var env = StreamEnvironment.create().setParallelism(2)
                        .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                        .configure(ExecutionOptions.SCHEDULER, sched);
                var sink = Sinks.<WordCount>collect();
                env.fromElements("a b", "b c")
                        .flatMap((String line, Collector<WordCount> out) -> {
                            for (var w : line.split(" ")) {
                                out.collect(new WordCount(w, 1));
                            }
                        })
                        .keyBy(WordCount::word)
                        .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count()))
                        .sinkTo(sink);
                env.execute("word count");
                assertThat(sink.results()).as(mode + "/" + sched).containsExactlyInAnyOrder(
                        new WordCount("a", 1), new WordCount("b", 1), new WordCount("b", 2), new WordCount("c", 1));
            }
        }
    }
}
