package io.weir.runtime.operators.window;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.WindowFunctionSpec;

/**
 * The incremental function of a sliced window operator: folds records into the partial aggregate of a
 * slice, and combines the partials of a window's slices (oldest first) into its result.
 *
 * <p>Contract the user functions must meet for slicing to give the per-window operator's results:
 * the function is associative and commutative (records of a window are combined per slice, and the
 * slices in time order, not in arrival order), and combining never modifies its second argument (a
 * slice's partial, which later windows still need): {@code reduce(a, b)} may return a modified
 * {@code a} only when {@code a} is not a stored partial, so a reduce function must not modify its
 * arguments; {@code AggregateFunction.merge(a, b)} may modify and return {@code a} (always a fresh
 * accumulator here) but not {@code b}.
 */
sealed interface SliceFunction {

    /** Folds {@code value} into {@code partial} ({@code null}: the slice is empty); returns the new partial. */
    Object add(Object partial, Object value) throws Exception;

    /** Combines a window's running {@code accumulator} ({@code null} at the start) with one slice's {@code partial}. */
    Object combine(Object accumulator, Object partial) throws Exception;

    /** The window's result for {@code accumulator} (not null: at least one slice had a partial). */
    Object result(Object accumulator);

    @SuppressWarnings("unchecked")
    static SliceFunction of(WindowFunctionSpec spec) {
        return switch (spec) {
            case WindowFunctionSpec.Reduce r -> new Reduce((ReduceFunction<Object>) r.function());
            case WindowFunctionSpec.Aggregate a -> new Aggregate((AggregateFunction<Object, Object, Object>) a.function());
            case WindowFunctionSpec.Process p -> throw new IllegalArgumentException("process-only windows buffer records: no slicing");
        };
    }

    /** Slices hold reduced values. */
    record Reduce(ReduceFunction<Object> function) implements SliceFunction {
        @Override
        public Object add(Object partial, Object value) throws Exception {
            return partial == null ? value : reduce(partial, value);
        }

        @Override
        public Object combine(Object accumulator, Object partial) throws Exception {
            return accumulator == null ? partial : reduce(accumulator, partial);
        }

        @Override
        public Object result(Object accumulator) {
            return accumulator;
        }

        private Object reduce(Object a, Object b) throws Exception {
            Object reduced = function.reduce(a, b);
            if (reduced == null) {
                throw new NullPointerException("the reduce function returned null");
            }
            return reduced;
        }
    }

    /** Slices hold accumulators. */
    record Aggregate(AggregateFunction<Object, Object, Object> function) implements SliceFunction {
        @Override
        public Object add(Object partial, Object value) {
            return function.add(value, partial == null ? function.createAccumulator() : partial);
        }

        @Override
        public Object combine(Object accumulator, Object partial) {
            return function.merge(accumulator == null ? function.createAccumulator() : accumulator, partial);
        }

        @Override
        public Object result(Object accumulator) {
            return function.getResult(accumulator);
        }
    }
}
