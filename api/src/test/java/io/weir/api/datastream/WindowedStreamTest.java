package io.weir.api.datastream;

import io.weir.api.StreamEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.RichFunction;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowedStreamTest {
    private final StreamEnvironment env = StreamEnvironment.create();
    private final KeyedStream<String, Integer> keyed = env.fromElements("a", "bb", "cc").returns(String.class).keyBy(String::length);

    private static OperatorSpec.Window spec(DataStream<?> stream) {
        var node = (OneInputTransformation<?, ?>) stream.transformation();
        return (OperatorSpec.Window) node.spec();
    }

    @Test
    void shouldDescribeTheWindowOperatorInThePlan() {
        OutputTag<String> late = new OutputTag<>("late", String.class);
        ReduceFunction<String> concat = (a, b) -> a + b;
        DataStream<String> result = new WindowedStream<>(keyed, TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .allowedLateness(Duration.ofSeconds(2))
                .sideOutputLateData(late)
                .reduce(concat);
        OperatorSpec.Window spec = spec(result);
        assertThat(spec.keySelector()).isSameAs(keyed.keySelector());
        assertThat(spec.trigger()).isSameAs(EventTimeTrigger.create());
        assertThat(spec.allowedLateness()).isEqualTo(2000);
        assertThat(spec.lateDataTag()).isEqualTo(late);
        assertThat(spec.function()).isEqualTo(new WindowFunctionSpec.Reduce(concat, null));
        assertThat(result.transformation().outputType()).isEqualTo(String.class);
        assertThat(result.transformation().name()).isEqualTo("Window(TumblingEventTimeWindows(5000), EventTimeTrigger())");
        DataStream<String> lateData = result.getSideOutput(late);
        assertThat(lateData.transformation()).isInstanceOf(SideOutputTransformation.class);
    }

    @Test
    void shouldRecordEachFunctionShape() {
        var assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(5));
        ProcessWindowFunction<String, String, Integer, TimeWindow> process = new ProcessWindowFunction<>() {
            @Override
            public void process(Integer key, Context context, Iterable<String> elements, Collector<String> out) {
            }
        };
        AggregateFunction<String, long[], Long> count = new AggregateFunction<>() {
            @Override
            public long[] createAccumulator() {
                return new long[1];
            }

            @Override
            public long[] add(String value, long[] acc) {
                acc[0]++;
                return acc;
            }

            @Override
            public Long getResult(long[] acc) {
                return acc[0];
            }

            @Override
            public long[] merge(long[] a, long[] b) {
                a[0] += b[0];
                return a;
            }
        };
        ProcessWindowFunction<Long, String, Integer, TimeWindow> format = new ProcessWindowFunction<>() {
            @Override
            public void process(Integer key, Context context, Iterable<Long> elements, Collector<String> out) {
            }
        };
        assertThat(spec(new WindowedStream<>(keyed, assigner).process(process)).function())
                .isEqualTo(new WindowFunctionSpec.Process(process));
        assertThat(spec(new WindowedStream<>(keyed, assigner).aggregate(count)).function())
                .isEqualTo(new WindowFunctionSpec.Aggregate(count, null));
        assertThat(spec(new WindowedStream<>(keyed, assigner).aggregate(count, format)).function())
                .isEqualTo(new WindowFunctionSpec.Aggregate(count, format));
        ReduceFunction<String> first = (a, b) -> a;
        assertThat(spec(new WindowedStream<>(keyed, assigner).reduce(first, process)).function())
                .isEqualTo(new WindowFunctionSpec.Reduce(first, process));
        assertThat(spec(new WindowedStream<>(keyed, assigner).trigger(CountTrigger.of(3)).process(process)).trigger())
                .isInstanceOf(CountTrigger.class);
    }

    @Test
    void shouldRejectATriggerThatCannotMergeOnSessions() {
        Trigger<Object, TimeWindow> nonMerging = new Trigger<>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(TimeWindow window, TriggerContext ctx) {
            }
        };
        var sessions = new WindowedStream<>(keyed, EventTimeSessionWindows.withGap(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> sessions.trigger(nonMerging))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("merging");
    }

    @Test
    void shouldRejectNegativeLatenessAndRichIncrementalFunctions() {
        var windowed = new WindowedStream<>(keyed, TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> windowed.allowedLateness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        class RichConcat implements ReduceFunction<String>, RichFunction {
            @Override
            public String reduce(String a, String b) {
                return a + b;
            }
        }
        assertThatThrownBy(() -> windowed.reduce(new RichConcat()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("RichFunction");
    }
}
