package io.weir.examples.nexmark;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.examples.Examples;
import io.weir.examples.nexmark.NexmarkBidsExample.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NexmarkBidsExampleTest {
    private static final List<Bid> BIDS = BidGenerator.generate(NexmarkBidsExample.SEED, NexmarkBidsExample.BIDS,
            NexmarkBidsExample.SPAN);
    private static final Results EXPECTED = SequentialNexmark.compute(BIDS);

    @Test
    void shouldGenerateTheSameBidsFromTheSameSeed() {
        assertThat(BidGenerator.generate(3, 1_000, Duration.ofSeconds(10)))
                .isEqualTo(BidGenerator.generate(3, 1_000, Duration.ofSeconds(10)))
                .isNotEqualTo(BidGenerator.generate(4, 1_000, Duration.ofSeconds(10)));
    }

    @Test
    void shouldGenerateSkewedBidsWithAFewOutOfOrder() {
        long outOfOrder = 0;
        long newest = Long.MIN_VALUE;
        for (Bid bid : BIDS) {
            outOfOrder += bid.dateTime() < newest ? 1 : 0;
            newest = Math.max(newest, bid.dateTime());
        }
        long hottest = BIDS.stream().collect(java.util.stream.Collectors.groupingBy(Bid::auction, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElseThrow();

        assertThat(outOfOrder).isBetween(BIDS.size() / 50L, BIDS.size() / 25L);
        assertThat(hottest).isGreaterThan(10L * BIDS.size() / BidGenerator.AUCTIONS);
        assertThat(newest - BIDS.getFirst().dateTime()).isLessThan(NexmarkBidsExample.SPAN.toMillis());
    }

    @Test
    void shouldHaveAModelWithLateBidsAndAWinnerForEveryWindow() {
        long spanSeconds = NexmarkBidsExample.SPAN.toSeconds();
        assertThat(EXPECTED.highestBids()).hasSize((int) spanSeconds / 10);
        assertThat(EXPECTED.hotAuctions()).hasSize((int) spanSeconds / 2 + 4); // 4 windows start before the first bid
        assertThat(EXPECTED.tooLateForQ7()).isPositive();
        // a bid at most 4 s late misses some of its five q5 windows, but never the last, which ends 8 s or more after it
        assertThat(EXPECTED.tooLateForQ5()).isZero();
    }

    @ParameterizedTest(name = "parallelism {0}, {1} scheduler, {2} exchange")
    @CsvSource({"1, cooperative, OBJECT", "2, cooperative, OBJECT", "1, dedicated, OBJECT", "2, dedicated, OBJECT",
            "2, cooperative, SERIALIZED"})
    void shouldComputeWhatTheSequentialModelComputes(int parallelism, String scheduler, ExchangeMode exchange) {
        var env = StreamEnvironment.create().setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, exchange);

        Results results = NexmarkBidsExample.execute(env, BIDS);

        assertThat(results.highestBids()).isEqualTo(EXPECTED.highestBids());
        assertThat(results.hotAuctions()).isEqualTo(EXPECTED.hotAuctions());
        assertThat(results.tooLateForQ7()).isEqualTo(EXPECTED.tooLateForQ7());
        assertThat(results.tooLateForQ5()).isEqualTo(EXPECTED.tooLateForQ5());
    }

    @Test
    void shouldPrintOneLinePerWindowOfEachQuery() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var example = Examples.discover().find("nexmark-bids").orElseThrow();

        example.run(StreamEnvironment.create().setParallelism(2), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("200,000 bids from 12:00:00 to 12:05:00, watermarks 2 s behind the newest bid");
        assertThat(lines).contains("q7: highest bid per 10 s tumbling window (" + EXPECTED.tooLateForQ7() + " bids too late)",
                "q5: hot auctions per 10 s window sliding by 2 s (" + EXPECTED.tooLateForQ5() + " bids too late)");
        assertThat(lines.stream().filter(l -> l.startsWith("  [12:00:00, 12:00:10)  $"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("  ["))).hasSize(EXPECTED.highestBids().size() + EXPECTED.hotAuctions().size());
    }
}
