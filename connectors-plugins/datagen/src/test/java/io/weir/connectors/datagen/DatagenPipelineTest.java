package io.weir.connectors.datagen;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.eventtime.WatermarkStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The datagen source through the real runtime: every event exactly once, in both exchange modes. */
class DatagenPipelineTest {
    @ParameterizedTest
    @EnumSource(ExchangeMode.class)
    void shouldDeliverEveryNexmarkEventOnceAtParallelismThree(ExchangeMode mode) {
        NexmarkGenerator generator = new NexmarkGenerator(11, new EventTime(0, 1_000_000, 20, 0.02, 100));
        StreamEnvironment env = StreamEnvironment.create().setParallelism(3)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.WATCHDOG_TIMEOUT, Duration.ofSeconds(60));
        CollectSink<NexmarkEvent> sink = Sinks.collect();
        env.fromSource(new DatagenSource<>(generator, 5_000, 0, 0),
                        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(Duration.ofMillis(20)), "datagen")
                .rebalance()
                .sinkTo(sink);

        env.execute("datagen " + mode);

        List<NexmarkEvent> expected = LongStream.range(0, 5_000).mapToObj(generator::event).toList();
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
