package io.weir.api.datastream;

import io.weir.api.StreamEnvironment;
import io.weir.api.annotation.Stable;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.PartitionTransformation;

import java.util.Objects;

/**
 * A stream partitioned by key: every record of one key is processed by the same subtask, and keyed
 * operators keep state per key.
 *
 * @param <T> record type
 * @param <K> key type
 */
@Stable
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<? super T, K> keySelector;

    public KeyedStream(StreamEnvironment environment, PartitionTransformation<T> partition, KeySelector<? super T, K> keySelector) {
        super(environment, partition);
        this.keySelector = keySelector;
    }

    /** The key selector this stream was keyed with. */
    public KeySelector<? super T, K> keySelector() {
        return keySelector;
    }

    /** Starts an interval join with {@code other}, keyed the same way. */
    public <R> IntervalJoin<T, R, K> intervalJoin(KeyedStream<R, K> other) {
        @SuppressWarnings("unchecked")
        KeyedStream<T, K> self = this;
        return new IntervalJoin<>(self, Objects.requireNonNull(other, "other"));
    }

    /** Applies a {@link KeyedProcessFunction}: keyed state, event- and processing-time timers, side outputs. */
    public <R> DataStream<R> process(KeyedProcessFunction<K, ? super T, R> function) {
        return oneInput("process", new OperatorSpec.KeyedProcess(keySelector, Objects.requireNonNull(function, "function")), null);
    }

    /** Cuts the stream into windows assigned by {@code assigner}; finish with reduce, aggregate or process. */
    public <W extends io.weir.api.windowing.Window> WindowedStream<T, K, W> window(
            io.weir.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /**
     * Rolling reduce: for each record, combines it with the current value of its key and emits the new
     * value (the first record of a key is emitted as it is).
     */
    public DataStream<T> reduce(ReduceFunction<T> function) {
        return oneInput("reduce", new OperatorSpec.KeyedReduce(keySelector, Objects.requireNonNull(function, "function")),
                transformation.outputType());
    }
}
