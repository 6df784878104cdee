package io.weir.runtime.pipelines;

import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pipeline shape on every cell of the matrix (2 schedulers x 2 exchange modes x parallelism
 * 1, 2, 4): results must equal a plain sequential computation, as multisets, and per key in order.
 */
class PipelineShapesTest {

    static List<RunConfig> configs() {
        return RunConfig.all();
    }

    record Word(String word, long count) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldChainMapAndFilter(RunConfig config) {
        var env = config.environment();
        CollectSink<Long> sink = Sinks.collect();
        env.fromSequence(1, 20_000).map(x -> x * 3).filter(x -> x % 2 == 0).sinkTo(sink);
        env.execute("map-filter");
        List<Long> expected = LongStream.rangeClosed(1, 20_000).map(x -> x * 3).filter(x -> x % 2 == 0).boxed().toList();
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldRollingReduceWordCountsInOrderPerKey(RunConfig config) {
        List<String> lines = text(new Random(42), 400, 12, 50);
        var env = config.environment();
        CollectSink<Word> sink = Sinks.collect();
        env.fromCollection(lines)
                .flatMap((String line, Collector<Word> out) -> {
                    for (String w : line.split(" ")) {
                        out.collect(new Word(w, 1));
                    }
                })
                .keyBy(Word::word)
                .reduce((a, b) -> new Word(a.word(), a.count() + b.count()))
                .sinkTo(sink);
        env.execute("word count");
        Map<String, List<Long>> perKey = new LinkedHashMap<>();
        for (Word w : sink.results()) {
            perKey.computeIfAbsent(w.word(), k -> new ArrayList<>()).add(w.count());
        }
        Map<String, Long> expected = countWords(lines);
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((word, n) -> assertThat(perKey.get(word)).as(word)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldUnionStreamsAndShuffleTwice(RunConfig config) {
        var env = config.environment();
        CollectSink<Long> sink = Sinks.collect();
        DataStream<Long> evens = env.fromSequence(0, 4_999).map(x -> x * 2);
        DataStream<Long> odds = env.fromSequence(0, 4_999).map(x -> x * 2 + 1);
        evens.union(odds)
                .keyBy(x -> x % 10)
                .reduce(Long::sum)
                .keyBy(x -> x % 3)
                .reduce(Math::max)
                .sinkTo(sink);
        env.execute("union");
        // the final maximum per (x % 3) key must be the largest of the rolling sums that map to it
        Map<Long, Long> sums = new HashMap<>();
        Map<Long, Long> maxPerKey = new HashMap<>();
        for (long x = 0; x < 10_000; x++) {
            sums.merge(x % 10, x, Long::sum);
        }
        // compute every rolling sum per key-10, then group by %3 of the rolling sum value itself
        Map<Long, Long> rolling = new HashMap<>();
        List<Long> allRolling = new ArrayList<>();
        for (long x = 0; x < 10_000; x++) {
            allRolling.add(rolling.merge(x % 10, x, Long::sum));
        }
        for (long v : allRolling) {
            maxPerKey.merge(v % 3, v, Math::max);
        }
        Map<Long, Long> actualMax = new HashMap<>();
        for (long v : sink.results()) {
            actualMax.merge(v % 3, v, Math::max);
        }
        assertThat(sink.results()).hasSize(10_000);
        assertThat(actualMax).isEqualTo(maxPerKey);
        assertThat(sums.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(49_995_000L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldRouteWithEveryPartitioner(RunConfig config) {
        var env = config.environment();
        CollectSink<Long> rebalanced = Sinks.collect();
        CollectSink<Long> rescaled = Sinks.collect();
        CollectSink<Long> broadcast = Sinks.collect();
        CollectSink<Long> global = Sinks.collect();
        CollectSink<Long> custom = Sinks.collect();
        CollectSink<Long> forwarded = Sinks.collect();
        DataStream<Long> source = env.fromSequence(1, 3_000);
        source.rebalance().map(x -> x + 1).sinkTo(rebalanced);
        source.rescale().map(x -> x + 2).setParallelism(Math.max(1, config.parallelism() / 2)).sinkTo(rescaled);
        source.broadcast().map(x -> x).sinkTo(broadcast);
        source.global().map(x -> -x).setParallelism(1).sinkTo(global);
        source.partitionCustom((Long k, int n) -> (int) (k % n), x -> x).filter(x -> x % 5 == 0).sinkTo(custom);
        source.forward().map(x -> x * 10).disableChaining().sinkTo(forwarded);
        env.execute("partitioners");
        List<Long> all = LongStream.rangeClosed(1, 3_000).boxed().toList();
        assertThat(rebalanced.results()).containsExactlyInAnyOrderElementsOf(all.stream().map(x -> x + 1).toList());
        assertThat(rescaled.results()).containsExactlyInAnyOrderElementsOf(all.stream().map(x -> x + 2).toList());
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < config.parallelism(); i++) {
            times.addAll(all);
        }
        assertThat(broadcast.results()).containsExactlyInAnyOrderElementsOf(times);
        assertThat(global.results()).containsExactlyInAnyOrderElementsOf(all.stream().map(x -> -x).toList());
        assertThat(custom.results()).containsExactlyInAnyOrderElementsOf(all.stream().filter(x -> x % 5 == 0).toList());
        assertThat(forwarded.results()).containsExactlyInAnyOrderElementsOf(all.stream().map(x -> x * 10).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void shouldSplitIntoSideOutputs(RunConfig config) {
        var env = config.environment();
        OutputTag<String> small = new OutputTag<>("small", String.class);
        CollectSink<Long> main = Sinks.collect();
        CollectSink<String> side = Sinks.collect();
        var processed = env.fromSequence(1, 5_000).rebalance().process(new SplitSmall(small));
        processed.sinkTo(main);
        processed.getSideOutput(small).sinkTo(side);
        env.execute("side outputs");
        assertThat(main.results()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(100, 5_000).boxed().toList());
        assertThat(side.results()).containsExactlyInAnyOrderElementsOf(
                LongStream.range(1, 100).mapToObj(v -> "small-" + v).toList());
    }

    /** Sends values below 100 to a side output. */
    static final class SplitSmall extends ProcessFunction<Long, Long> {
        private final OutputTag<String> small;

        SplitSmall(OutputTag<String> small) {
            this.small = small;
        }

        @Override
        public void processElement(Long value, Context context, Collector<Long> out) {
            if (value < 100) {
                context.output(small, "small-" + value);
            } else {
                out.collect(value);
            }
        }
    }

    static List<String> text(Random random, int lines, int wordsPerLine, int vocabulary) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < wordsPerLine; j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                // skewed: low word numbers are much more frequent
                int w = (int) (vocabulary * Math.pow(random.nextDouble(), 3));
                sb.append("w").append(w);
            }
            text.add(sb.toString());
        }
        return text;
    }

    static Map<String, Long> countWords(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            for (String w : line.split(" ")) {
                counts.merge(w, 1L, Long::sum);
            }
        }
        return counts;
    }
}
