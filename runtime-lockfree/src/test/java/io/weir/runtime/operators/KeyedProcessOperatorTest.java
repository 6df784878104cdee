package io.weir.runtime.operators;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.TimeDomain;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedProcessOperatorTest {

    /** Counts per key; an event-time timer at ts + 10 emits the count (timers deduplicated per key and time). */
    static final class CountWithTimeout extends KeyedProcessFunction<String, String, String> {
        private ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context<String> ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            long fireAt = ctx.timestamp() / 10 * 10 + 10;
            ctx.timerService().registerEventTimeTimer(fireAt);
            if (value.endsWith("!")) {
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100);
            }
            if (value.endsWith("?")) {
                ctx.output(OperatorHarness.SIDE, "question " + value);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + count.value() + (ctx.timeDomain() == TimeDomain.EVENT_TIME ? "" : "(pt)")
                    + " at " + timestamp);
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
                count.clear();
            }
        }
    }

    private static OperatorHarness harness() {
        return new OperatorHarness(new KeyedProcessOperator(
                (String v) -> v.substring(0, 1), new CountWithTimeout()));
    }

    @Test
    void shouldFireEventTimeTimersInTimestampOrderWithTheTimersKeyAndState() {
        try (var h = harness()) {
            h.element("a1", 1).element("b1", 3).element("a2", 5);
            assertThat(h.drain()).isEmpty();
            h.watermark(9);
            assertThat(h.drain()).containsExactly("wm:9");
            h.watermark(10);
            // both keys registered 10; a registered 10 twice: one timer
            assertThat(h.drain()).containsExactly("a=2 at 10@10", "b=1 at 10@10", "wm:10");
            h.element("b2", 12).element("a3", 15);
            h.watermark(25);
            assertThat(h.drain()).containsExactly("b=1 at 20@20", "a=1 at 20@20", "wm:25");
        }
    }

    @Test
    void shouldFireProcessingTimeTimersFromTheClockWithoutTimestamp() {
        try (var h = harness()) {
            h.element("a!", 1);
            h.processingTime(100);
            assertThat(h.drain()).isEmpty();   // as Flink: fires once the clock is past the timer
            h.processingTime(101);
            assertThat(h.drain()).containsExactly("a=1(pt) at 100@-");
        }
    }

    @Test
    void shouldEmitSideOutputs() {
        try (var h = harness()) {
            h.element("c?", 7);
            assertThat(h.drain()).containsExactly("side:question c?@7");
        }
    }

    @Test
    void shouldRefuseStateOutsideAKeyedStream() {
        var op = new MapOperator(new RichCounter());
        var ctx = new OperatorContext("job", "plain-map", 0, 1, 128, Output.NONE, java.util.Map.of(), () -> 0,
                new io.weir.api.codec.CodecRegistry(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> op.open(ctx))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("plain-map")
                .hasRootCauseMessage("keyed state is only available on a keyed stream (after keyBy): operator 'plain-map' does not run on one");
    }

    static final class RichCounter implements io.weir.api.functions.MapFunction<String, String>, io.weir.api.functions.RichFunction {
        @Override
        public void open(RuntimeContext context) {
            context.getState(new ValueStateDescriptor<>("n", Long.class));
        }

        @Override
        public String map(String value) {
            return value;
        }
    }
}
