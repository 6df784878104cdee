package io.weir.examples.wordcount;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.functions.Collector;
import io.weir.examples.ExampleJob;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts the words of a few embedded paragraphs ({@code text.txt} beside this class): the lines are
 * split into lower-case words, keyed by word and summed with a running {@code reduce}. A keyed reduce
 * emits an updated count for every word it sees; the last (largest) count per word is the final one,
 * and those are printed, most frequent first.
 */
public final class WordCountExample implements ExampleJob {
    static final String TEXT_RESOURCE = "text.txt";
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One word and how often it was seen so far. */
    public record WordCount(String word, long count) {
    }

    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public String description() {
        return "Counts the words of a short embedded text with flatMap, keyBy and reduce";
    }

    @Override
    public void run(StreamEnvironment env, PrintStream out) {
        CollectSink<WordCount> updates = Sinks.collect();
        env.fromCollection(lines())
                .flatMap((String line, Collector<WordCount> words) -> {
                    for (String word : words(line)) {
                        words.collect(new WordCount(word, 1));
                    }
                })
                .name("tokenize")
                .returns(WordCount.class)
                .keyBy(WordCount::word)
                .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count()))
                .name("count")
                .sinkTo(updates);
        env.execute("word count");

        Map<String, Long> counts = finalCounts(updates.results());
        out.printf("%d distinct words, %d in all%n", counts.size(),
                counts.values().stream().mapToLong(Long::longValue).sum());
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("%-14s %d%n", e.getKey(), e.getValue()));
        out.flush();
    }

    /** The non-blank lines of the embedded text. */
    static List<String> lines() {
        try (InputStream in = WordCountExample.class.getResourceAsStream(TEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the word count text " + TEXT_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEXT_RESOURCE, e);
        }
    }

    /** The lower-case words of {@code line}: runs of letters and digits. */
    static List<String> words(String line) {
        return Arrays.stream(NOT_A_WORD.split(line.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toList();
    }

    /** The final count per word: the largest of the running counts that the reduce emitted, sorted by word. */
    static Map<String, Long> finalCounts(List<WordCount> updates) {
        Map<String, Long> counts = new TreeMap<>(Comparator.naturalOrder());
        for (WordCount update : updates) {
            counts.merge(update.word(), update.count(), Math::max);
        }
        return counts;
    }
}
