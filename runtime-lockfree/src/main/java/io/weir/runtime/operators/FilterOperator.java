package io.weir.runtime.operators;

import io.weir.api.functions.FilterFunction;

/** Runs a {@link FilterFunction}. */
public final class FilterOperator extends UdfOperator<FilterFunction<Object>> {

    @SuppressWarnings("unchecked")
    public FilterOperator(FilterFunction<?> function) {
        super((FilterFunction<Object>) function);
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        boolean keep;
        try {
            keep = function.filter(value);
        } catch (Exception e) {
            throw fail("filter function failed", e);
        }
        if (keep) {
            recordsOut++;
            output.emit(value, timestamp);
        }
    }
}
