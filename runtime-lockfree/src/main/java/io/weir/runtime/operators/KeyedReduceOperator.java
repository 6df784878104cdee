package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * Rolling reduce per key: keeps the accumulated value of each key and emits it after every record.
 * The state lives on the heap, per subtask (the state-backend issue moves it behind the StateBackend SPI).
 */
public final class KeyedReduceOperator extends UdfOperator<ReduceFunction<Object>> {
    private final KeySelector<Object, Object> keySelector;
    private final Map<Object, Object> values = new HashMap<>();

    @SuppressWarnings("unchecked")
    public KeyedReduceOperator(KeySelector<?, ?> keySelector, ReduceFunction<?> function) {
        super((ReduceFunction<Object>) function);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        Object key;
        Object result;
        try {
            key = keySelector.getKey(value);
            Object previous = values.get(key);
            result = previous == null ? value : function.reduce(previous, value);
        } catch (Exception e) {
            throw fail("reduce function failed", e);
        }
        if (result == null) {
            throw fail("reduce function failed", new NullPointerException("the reduce function returned null"));
        }
        values.put(key, result);
        emitRecord(result, timestamp);
    }

    /** Number of keys held (tests, metrics). */
    public int keyCount() {
        return values.size();
    }
}
