package io.weir.perf.nexmark;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.IdleStrategyKind;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.datastream.DataStream;
import io.weir.connectors.datagen.EventTime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query's results through the real runtime equal a sequential computation over the same events: 30,000
 * events, one per millisecond of event time (so 30 s: several tumbling, sliding and session windows fire on
 * watermarks, the rest at the end of the input), at parallelism 1 and 2, in both exchange modes, and with the RocksDB
 * backend and checkpoints every 100 ms.
 */
class WorkloadResultsTest {
    private static final long SEED = 7;
    private static final long EVENTS = 30_000;

    static Stream<Arguments> runs() {
        return Stream.of(Workload.values()).flatMap(w -> Stream.of(
                Arguments.of(w, 1, ExchangeMode.OBJECT, "heap", Duration.ZERO),
                Arguments.of(w, 2, ExchangeMode.OBJECT, "heap", Duration.ZERO),
                Arguments.of(w, 2, ExchangeMode.SERIALIZED, "heap", Duration.ZERO),
                Arguments.of(w, 2, ExchangeMode.SERIALIZED, "rocksdb", Duration.ofMillis(100))));
    }

    @ParameterizedTest(name = "{0} p={1} {2} {3} checkpoints {4}")
    @MethodSource("runs")
    void shouldEqualTheSequentialComputation(Workload workload, int parallelism, ExchangeMode exchange, String backend,
                                             Duration checkpointInterval, @TempDir Path checkpoints) {
        BenchConfig config = new BenchConfig(workload, EVENTS, 0, parallelism, SEED, "cooperative", IdleStrategyKind.BACKOFF,
                exchange, backend, checkpointInterval, 0, Map.of("watchdog.timeout", "120s",
                "checkpoint.directory", checkpoints.toString()), "");
        Schedule schedule = new Schedule(0, 0, EVENTS, parallelism, new EventTime(Schedule.START_MILLIS, 1_000_000, 0, 0, 1));
        StreamEnvironment env = NexmarkBench.environment(config);
        Progress progress = new Progress(parallelism);
        CollectSink<Object> sink = Sinks.collect();
        @SuppressWarnings("unchecked")
        DataStream<Object> results = (DataStream<Object>) NexmarkBench.pipeline(env, config, schedule, progress);
        results.sinkTo(sink);

        env.execute("results " + workload);

        Reference reference = new Reference(SEED, schedule);
        List<?> expected = switch (workload) {
            case Q0 -> reference.events();
            case Q1 -> reference.q1();
            case Q2 -> reference.q2();
            case Q5 -> reference.q5();
            case Q7 -> reference.q7();
            case Q8 -> reference.q8();
            case SESSION -> reference.sessions();
            case TUMBLING_COUNT -> reference.tumblingCount();
        };
        assertThat(expected).isNotEmpty();
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected.stream().map(Object.class::cast).toList());
        assertThat(progress.emitted()).isEqualTo(EVENTS);
    }
}
