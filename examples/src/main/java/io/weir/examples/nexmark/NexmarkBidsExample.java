package io.weir.examples.nexmark;

import io.weir.api.StreamEnvironment;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.BoundedOutOfOrdernessWatermarks;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.examples.ExampleJob;
import io.weir.examples.nexmark.NexmarkQueries.HighestBid;
import io.weir.examples.nexmark.NexmarkQueries.HotAuctions;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Nexmark-style auction queries over event-time windows: 200,000 generated bids over five minutes of
 * event time ({@link BidGenerator}: skewed auctions, a few percent out of order), watermarks that allow
 * 2 s of disorder, and two queries ({@link NexmarkQueries}): q7, the highest bid per 10 s tumbling
 * window, and q5, the hottest auctions per 10 s window sliding by 2 s.
 *
 * <h2>Deterministic results</h2>
 * The watermark is generated per bid, right after the single-subtask source, so which bids are too late
 * depends only on the order of the bids, never on thread timing; after the job, each query's results are
 * printed in window order. Any parallelism, scheduler or exchange mode prints the same.
 */
public final class NexmarkBidsExample implements ExampleJob {
    static final long SEED = 7;
    static final int BIDS = 200_000;
    static final Duration SPAN = Duration.ofMinutes(5);
    /** How far behind the newest bid the watermark stays: bids later than this may miss their windows. */
    static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** What the job computed, each list sorted by window. */
    public record Results(List<HighestBid> highestBids, long tooLateForQ7, List<HotAuctions> hotAuctions, long tooLateForQ5) {
    }

    @Override
    public String name() {
        return "nexmark-bids";
    }

    @Override
    public String description() {
        return "Nexmark q7 (highest bid per tumbling window) and q5 (hot auctions per sliding window) over generated bids";
    }

    @Override
    public void run(StreamEnvironment env, PrintStream out) {
        List<Bid> bids = BidGenerator.generate(SEED, BIDS, SPAN);
        Results results = execute(env, bids);

        out.printf("%,d bids from %s to %s, watermarks %d s behind the newest bid%n", bids.size(),
                TIME.format(Instant.ofEpochMilli(BidGenerator.START)),
                TIME.format(Instant.ofEpochMilli(BidGenerator.START + SPAN.toMillis())), MAX_OUT_OF_ORDERNESS.toSeconds());
        out.printf("%nq7: highest bid per %d s tumbling window (%d bids too late)%n", NexmarkQueries.Q7_WINDOW.toSeconds(),
                results.tooLateForQ7());
        for (HighestBid h : results.highestBids()) {
            out.printf("  %s  $%,d.%02d  auction %d, bidder %d at %s%n", window(h.windowStart(), h.windowEnd()),
                    h.bid().price() / 100, h.bid().price() % 100, h.bid().auction(), h.bid().bidder(),
                    MILLIS.format(Instant.ofEpochMilli(h.bid().dateTime())));
        }
        out.printf("%nq5: hot auctions per %d s window sliding by %d s (%d bids too late)%n",
                NexmarkQueries.Q5_WINDOW.toSeconds(), NexmarkQueries.Q5_SLIDE.toSeconds(), results.tooLateForQ5());
        for (HotAuctions hot : results.hotAuctions()) {
            out.printf("  %s  %d bids  auction %s%n", window(hot.windowStart(), hot.windowEnd()), hot.bids(),
                    String.join(", ", hot.auctions().stream().map(String::valueOf).toList()));
        }
        out.flush();
    }

    /** Runs both queries over {@code bids} on {@code env} and waits for the results. */
    public static Results execute(StreamEnvironment env, List<Bid> bids) {
        DataStream<Bid> timestamped = env.fromCollection(bids)
                .assignTimestampsAndWatermarks(watermarkPerBid())
                .name("timestamps")
                .setParallelism(1);

        var q7 = NexmarkQueries.highestBids(timestamped);
        var q5 = NexmarkQueries.hotAuctions(timestamped);
        CollectSink<HighestBid> highest = Sinks.collect();
        CollectSink<Bid> q7Late = Sinks.collect();
        CollectSink<HotAuctions> hot = Sinks.collect();
        CollectSink<Bid> q5Late = Sinks.collect();
        q7.results().sinkTo(highest);
        q7.tooLate().sinkTo(q7Late);
        q5.results().sinkTo(hot);
        q5.tooLate().sinkTo(q5Late);
        env.execute("nexmark bids");

        return new Results(
                highest.results().stream().sorted(Comparator.comparingLong(HighestBid::windowStart)).toList(),
                q7Late.results().size(),
                hot.results().stream().sorted(Comparator.comparingLong(HotAuctions::windowStart)).toList(),
                q5Late.results().size());
    }

    /**
     * Event time from {@link Bid#dateTime()}; the watermark trails the newest bid by
     * {@link #MAX_OUT_OF_ORDERNESS} (Flink's bounded out-of-orderness: newest - bound - 1), emitted after
     * every bid rather than periodically, so that it does not depend on the wall clock.
     */
    static WatermarkStrategy<Bid> watermarkPerBid() {
        return WatermarkStrategy.<Bid>forGenerator(clock -> new BoundedOutOfOrdernessWatermarks<>(MAX_OUT_OF_ORDERNESS) {
            @Override
            public void onEvent(Bid bid, long timestamp, WatermarkOutput output) {
                super.onEvent(bid, timestamp, output);
                onPeriodicEmit(output);
            }
        }).withTimestampAssigner((bid, previousTimestamp) -> bid.dateTime());
    }

    private static String window(long start, long end) {
        return "[" + TIME.format(Instant.ofEpochMilli(start)) + ", " + TIME.format(Instant.ofEpochMilli(end)) + ")";
    }
}
