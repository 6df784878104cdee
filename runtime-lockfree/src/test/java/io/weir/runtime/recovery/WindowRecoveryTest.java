package io.weir.runtime.recovery;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once for window results: a keyed event-time window job (sliced over in-memory slice tables, with
 * out-of-order and late records and allowed lateness) fails after a checkpoint, or is stopped with a
 * savepoint and resumed at another parallelism, and must commit exactly what the per-window operator
 * ({@code window.slicing = false}) commits in one run without failures.
 */
class WindowRecoveryTest {
    private static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    static Stream<Arguments> failures() {
        List<Arguments> all = new ArrayList<>();
        for (String windows : List.of("tumbling", "sliding")) {
            for (FaultPoint point : List.of(FaultPoint.values())) {
                all.add(Arguments.of(windows, point, point.ordinal() % 2 == 0 ? "dedicated" : "cooperative"));
            }
        }
        return all.stream();
    }

    /** Event time 3 ms per record; every 11th record is 40 ms late, every 17th 12 ms (some within the lateness). */
    static long timestampOf(long x) {
        return x * 3 - (x % 11 == 0 ? 40 : x % 17 == 0 ? 12 : 0);
    }

    static WindowAssigner<Object, TimeWindow> assigner(String windows) {
        return windows.equals("tumbling")
                ? TumblingEventTimeWindows.of(Duration.ofMillis(50))
                : SlidingEventTimeWindows.of(Duration.ofMillis(50), Duration.ofMillis(20));
    }

    /**
     * Bounded out-of-orderness (5 ms) with a watermark after every event rather than periodically, so that
     * which records are late depends on the input alone, not on when a periodic watermark happened to be
     * emitted: the failure-free reference and the run with a failure then see the same lateness.
     */
    static final class PerEventBound implements WatermarkGenerator<Long> {
        private long max = Long.MIN_VALUE + 6;

        @Override
        public void onEvent(Long event, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(max - 5 - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** Sums the records of a window. */
    static final class Sum implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long sum) {
            return sum + value;
        }

        @Override
        public Long getResult(Long sum) {
            return sum;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Formats a window's result with its key and bounds. */
    static final class Describe extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> sums, Collector<String> out) {
            for (Long sum : sums) {
                out.collect(key + "@[" + context.window().start() + "," + context.window().end() + ")=" + sum);
            }
        }
    }

    private StreamEnvironment environment(int parallelism, String scheduler, boolean slicing) {
        return StreamEnvironment.create().setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, ExchangeMode.SERIALIZED)
                .configure(ExecutionOptions.WINDOW_SLICING, slicing)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 2)
                .configure(RecoveryOptions.RESTART_STRATEGY, "fixed-delay")
                .configure(RecoveryOptions.FIXED_DELAY_ATTEMPTS, 3)
                .configure(RecoveryOptions.FIXED_DELAY_DELAY, Duration.ZERO);
    }

    private static void pipeline(StreamEnvironment env, GatedSource source, String windows, CommitLogSink sink) {
        env.fromSource(source, "gated").setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(clock -> new PerEventBound())
                        .withTimestampAssigner((x, ts) -> timestampOf(x))).uid("timestamps").setParallelism(1)
                .keyBy(x -> x % 7)
                .window(assigner(windows))
                .allowedLateness(Duration.ofMillis(10))
                .aggregate(new Sum(), new Describe()).uid("windows")
                .sinkTo(sink).uid("sink");
    }

    /** What the per-window operator commits without failures. */
    private List<String> expected(String windows) throws Exception {
        GatedSource source = new GatedSource(LAST);
        source.open(LAST);
        CommitLogSink sink = new CommitLogSink();
        var env = environment(2, "dedicated", false);
        pipeline(env, source, windows, sink);
        env.executeAsync("reference").await(BOUND);
        return sink.output();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("failures")
    void shouldCommitTheFailureFreeWindowResultsAfterAFailure(String windows, FaultPoint point, String scheduler)
            throws Exception {
        GatedSource source = new GatedSource(LAST);
        CommitLogSink sink = new CommitLogSink();
        CheckpointRecoveryTest.FailOnce faults = new CheckpointRecoveryTest.FailOnce(point);
        var env = environment(2, scheduler, true).configure(io.weir.runtime.fault.FaultInjector.OPTION, faults);
        pipeline(env, source, windows, sink);
        JobClient job = env.executeAsync("windows exactly-once");

        source.release(2_000, BOUND);
        assertThat(job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).status())
                .isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(3_500, BOUND);
        faults.armed.set(true);
        try {
            job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception aborted) {
            // the failure may hit this checkpoint: recovery then goes back to the first
        }
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired).as("the fault at %s fired", point).isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(expected(windows));
    }

    @ParameterizedTest(name = "{0}: parallelism 2 -> {1}")
    @MethodSource("rescales")
    void shouldCommitTheSameWindowResultsWhenResumedFromASavepointAtAnotherParallelism(String windows, int parallelism)
            throws Exception {
        GatedSource first = new GatedSource(LAST);
        // one sink for both runs, as one external system: the resumed job commits the savepoint's pending
        // transactions again, which an idempotent commit (by transaction id) must not duplicate
        CommitLogSink sink = new CommitLogSink();
        var env = environment(2, "cooperative", true);
        pipeline(env, first, windows, sink);
        JobClient job = env.executeAsync("before the savepoint");
        first.release(3_100, BOUND);
        CheckpointInfo savepoint = job.stopWithSavepoint(checkpoints.resolve("savepoint").toString())
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        job.await(BOUND);
        assertThat(savepoint.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);

        GatedSource second = new GatedSource(LAST);
        second.open(LAST);
        var resumed = environment(parallelism, "dedicated", true)
                .configure(RecoveryOptions.SAVEPOINT_PATH, savepoint.location());
        pipeline(resumed, second, windows, sink);
        resumed.executeAsync("after the savepoint").await(BOUND);

        assertThat(sink.output()).containsExactlyInAnyOrderElementsOf(expected(windows));
    }

    static Stream<Arguments> rescales() {
        return Stream.of(Arguments.of("tumbling", 3), Arguments.of("sliding", 1), Arguments.of("sliding", 4));
    }
}
