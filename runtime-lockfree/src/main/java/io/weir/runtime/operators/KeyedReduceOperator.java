package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.state.KeyedStateManager;

/**
 * Rolling reduce per key: keeps the accumulated value of each key in keyed value state and emits it
 * after every record (the first record of a key is emitted as it is), as Flink's {@code StreamGroupedReduceOperator}.
 */
public final class KeyedReduceOperator extends UdfOperator<ReduceFunction<Object>> implements KeyAware {
    private final KeySelector<Object, Object> keySelector;
    private KeyedStateManager keyed;
    private ValueState<Object> values;

    @SuppressWarnings("unchecked")
    public KeyedReduceOperator(KeySelector<?, ?> keySelector, ReduceFunction<?> function) {
        super((ReduceFunction<Object>) function);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
    }

    @Override
    protected void doOpen() throws Exception {
        keyed = context.requireKeyedState();
        values = keyed.getState(new ValueStateDescriptor<>("_reduce", context.codecs().portableDynamicCodec()));
        super.doOpen();
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        Object result;
        try {
            keyed.setCurrentKey(keySelector.getKey(value));
            Object previous = values.value();
            result = previous == null ? value : function.reduce(previous, value);
        } catch (Exception e) {
            throw fail("reduce function failed", e);
        }
        if (result == null) {
            throw fail("reduce function failed", new NullPointerException("the reduce function returned null"));
        }
        values.update(result);
        emitRecord(result, timestamp);
    }
}
