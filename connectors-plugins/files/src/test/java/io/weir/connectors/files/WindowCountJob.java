package io.weir.connectors.files;

import io.weir.api.StreamEnvironment;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.runtime.testing.GatedSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyed, windowed job of the file sink's recovery tests: the numbers of a {@link GatedSource} (event
 * time = the number) with a watermark after every record (timestamp - 1, at parallelism 1, chained to the
 * source), keyed by {@code x % 5}, counted per key in tumbling 100 ms event-time windows without allowed
 * lateness, one line per window and key into an exactly-once {@link FileSink}. {@link #expected} is the
 * same computation done sequentially: what the sink must hold after any run, with or without failures.
 */
final class WindowCountJob {
    static final int KEYS = 5;
    static final long WINDOW_MILLIS = 100;

    private WindowCountJob() {
    }

    /** Adds the job to {@code env} (operators with uids, so that savepoints map onto them). */
    static DataStreamSink<String> build(StreamEnvironment env, GatedSource source, Path output) {
        return build(env, source, output, "window-count");
    }

    /** As {@link #build(StreamEnvironment, GatedSource, Path)}, with {@code windowUid} for the window operator. */
    static DataStreamSink<String> build(StreamEnvironment env, GatedSource source, Path output, String windowUid) {
        return env.fromSource(source, "gated").uid("gated").setParallelism(1)
                .assignTimestampsAndWatermarks(perEventWatermarks()).uid("watermarks").setParallelism(1)
                .keyBy(x -> x % KEYS)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MILLIS)))
                .allowedLateness(Duration.ZERO)
                .aggregate(new Count(), new Format()).uid(windowUid)
                .sinkTo(FileSink.<String>forRows(output).build()).uid("files");
    }

    /** The line of key {@code key}'s window starting at {@code start} with {@code count} records. */
    static String line(long key, long start, long count) {
        return "key=" + key + " window=" + start + " count=" + count;
    }

    /** The lines of a failure-free run over {@code 1..last}. */
    static List<String> expected(long last) {
        return expected(1, last);
    }

    /** The lines of a failure-free run over {@code first..last} (windows count only those records). */
    static List<String> expected(long first, long last) {
        List<String> lines = new ArrayList<>();
        for (long start = first - first % WINDOW_MILLIS; start <= last; start += WINDOW_MILLIS) {
            long[] counts = new long[KEYS];
            for (long x = Math.max(first, start); x < start + WINDOW_MILLIS && x <= last; x++) {
                counts[(int) (x % KEYS)]++;
            }
            for (int key = 0; key < KEYS; key++) {
                if (counts[key] > 0) {
                    lines.add(line(key, start, counts[key]));
                }
            }
        }
        return lines;
    }

    /** A watermark right after every record: its timestamp - 1 (monotonic timestamps, no out-of-orderness). */
    static WatermarkStrategy<Long> perEventWatermarks() {
        return WatermarkStrategy.<Long>forGenerator(clock -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(eventTimestamp - 1);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((x, ts) -> x);
    }

    /** Counts records. */
    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Formats a window's count as a {@link #line}. */
    static final class Format extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> counts, Collector<String> out) {
            for (Long count : counts) {
                out.collect(line(key, context.window().start(), count));
            }
        }
    }
}
