package io.weir.runtime.operators;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;

/** Runs a {@link FlatMapFunction}; its collector is reused for every record. */
public final class FlatMapOperator extends UdfOperator<FlatMapFunction<Object, Object>> implements Collector<Object> {
    private long timestamp;

    @SuppressWarnings("unchecked")
    public FlatMapOperator(FlatMapFunction<?, ?> function) {
        super((FlatMapFunction<Object, Object>) function);
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        this.timestamp = timestamp;
        try {
            function.flatMap(value, this);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("flatMap function failed", e);
        }
    }

    @Override
    public void collect(Object record) {
        emitRecord(record, timestamp);
    }
}
