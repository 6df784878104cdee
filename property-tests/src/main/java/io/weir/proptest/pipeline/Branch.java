package io.weir.proptest.pipeline;

import java.io.Serializable;
import java.util.List;

/**
 * One source of a pipeline: its records in emission order, the bound of its bounded-out-of-orderness
 * watermark, and the stateless stages applied to it before the union and the keyed stage.
 *
 * <p>The source runs at parallelism 1 and has a watermark after every record: {@code max timestamp so far
 * - bound - 1}, as Flink's {@code BoundedOutOfOrdernessWatermarks} (with an emit after every event).
 *
 * @param inputs the records
 * @param bound  the out-of-orderness bound in ms
 * @param pre    stateless stages (parallelism 1, chained to the source)
 */
public record Branch(List<Input> inputs, long bound, List<Stage> pre) implements Serializable {
    public Branch {
        inputs = List.copyOf(inputs);
        pre = List.copyOf(pre);
        if (bound < 0) {
            throw new IllegalArgumentException("bound must not be negative: " + bound);
        }
    }

    /** The watermark after the first {@code count} inputs ({@link Long#MIN_VALUE} before any). */
    public long watermarkAfter(int count) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, inputs.get(i).ts());
        }
        return count == 0 ? Long.MIN_VALUE : max - bound - 1;
    }
}
