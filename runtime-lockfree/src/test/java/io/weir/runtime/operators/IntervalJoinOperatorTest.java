package io.weir.runtime.operators;

import io.weir.api.datastream.TaggedUnion;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ProcessJoinFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalJoinOperatorTest {

    private static final KeySelector<TaggedUnion<String, String>, String> KEY =
            u -> (u.isLeft() ? u.one() : u.two()).substring(0, 1);

    private static OperatorHarness harness(long lower, long upper) {
        return new OperatorHarness(new IntervalJoinOperator(KEY, lower, upper, new ProcessJoinFunction<String, String, String>() {
            @Override
            public void processElement(String left, String right, Context context, Collector<String> out) {
                out.collect(left + "+" + right);
            }
        }));
    }

    @Test
    void shouldJoinRightRecordsInsideTheIntervalOfEachLeftRecord() {
        try (var h = harness(-2, 3)) {
            h.element(TaggedUnion.left("a-L10"), 10);
            h.element(TaggedUnion.right("a-R7"), 7);     // 10-2 = 8 > 7: no
            h.element(TaggedUnion.right("a-R8"), 8);     // in [8, 13]
            h.element(TaggedUnion.right("a-R13"), 13);   // in
            h.element(TaggedUnion.right("a-R14"), 14);   // out
            h.element(TaggedUnion.right("b-R10"), 10);   // other key
            h.element(TaggedUnion.left("a-L11"), 11);    // joins R8? 11-2 = 9 > 8 no; R13 yes; R14 yes
            assertThat(h.drain()).containsExactly("a-L10+a-R8@10", "a-L10+a-R13@13", "a-L11+a-R13@13", "a-L11+a-R14@14");
        }
    }

    @Test
    void shouldDropLateRecordsAndCleanUpBuffersBehindTheWatermark() {
        try (var h = harness(0, 5)) {
            h.element(TaggedUnion.left("a-L10"), 10);
            h.watermark(16);          // left 10 can only join rights up to 15: cleaned up at 15
            h.drain();
            h.element(TaggedUnion.right("a-R15"), 15);   // late (15 < 16): dropped
            h.element(TaggedUnion.right("a-R16"), 16);   // on time, but left 10 is gone
            assertThat(h.drain()).isEmpty();
            assertThat(((IntervalJoinOperator) operatorOf(h)).lateRecordsDropped()).isEqualTo(1);
        }
    }

    private static StreamOperator operatorOf(OperatorHarness h) {
        try {
            var f = OperatorHarness.class.getDeclaredField("operator");
            f.setAccessible(true);
            return (StreamOperator) f.get(h);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
