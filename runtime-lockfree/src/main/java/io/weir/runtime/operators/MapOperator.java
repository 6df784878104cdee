package io.weir.runtime.operators;

import io.weir.api.functions.MapFunction;

/** Runs a {@link MapFunction}. */
public final class MapOperator extends UdfOperator<MapFunction<Object, Object>> {

    @SuppressWarnings("unchecked")
    public MapOperator(MapFunction<?, ?> function) {
        super((MapFunction<Object, Object>) function);
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        Object result;
        try {
            result = function.map(value);
        } catch (Exception e) {
            throw fail("map function failed", e);
        }
        emitRecord(result, timestamp);
    }
}
