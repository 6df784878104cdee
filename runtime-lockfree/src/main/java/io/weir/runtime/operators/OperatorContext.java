package io.weir.runtime.operators;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.state.KeyedStateManager;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What an operator gets when it opens: where it runs, its main output and its side outputs, the
 * processing-time clock, the job's codecs and, for keyed operators, its keyed state. Also the
 * {@link RuntimeContext} handed to rich user functions: its state methods reach the keyed state of the
 * current key, and fail clearly on a stream that is not keyed.
 *
 * @param jobName        the job's name
 * @param operatorName   the operator's name
 * @param subtaskIndex   this subtask's index
 * @param parallelism    the operator's parallelism
 * @param maxParallelism the number of key groups
 * @param output         the main output
 * @param sideOutputs    the side outputs that have consumers, by tag id
 * @param clock          processing time in epoch milliseconds
 * @param codecs         the job's codec registry
 * @param keyedState     the keyed state of a keyed operator, or {@code null}
 */
public record OperatorContext(String jobName, String operatorName, int subtaskIndex, int parallelism,
                              int maxParallelism, Output output, Map<String, Output> sideOutputs,
                              LongSupplier clock, CodecRegistry codecs, KeyedStateManager keyedState)
        implements RuntimeContext {

    public OperatorContext {
        sideOutputs = Map.copyOf(sideOutputs);
    }

    /** The consumer of side output {@code tag}, or {@link Output#NONE} when nobody reads it (as in Flink). */
    public Output sideOutput(OutputTag<?> tag) {
        return sideOutputs.getOrDefault(tag.id(), Output.NONE);
    }

    /** The keyed state; a clear error when the operator is not on a keyed stream. */
    public KeyedStateManager requireKeyedState() {
        if (keyedState == null) {
            throw new IllegalStateException("keyed state is only available on a keyed stream (after keyBy): operator '"
                    + operatorName + "' does not run on one");
        }
        return keyedState;
    }

    private KeyedStateStore store() {
        return requireKeyedState();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return store().getState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return store().getListState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return store().getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return store().getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return store().getAggregatingState(descriptor);
    }
}
